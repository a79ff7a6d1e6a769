//! What the test binaries that run the real `tact` share: spawning it, reading its output,
//! and temporary files that clean up after themselves.
#![allow(dead_code)] // each test binary uses its own part

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The `tact` binary cargo built for this test run.
pub fn tact() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tact"))
}

/// Run `tact` with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = tact()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn tact");
    let mut pipe = child.stdin.take().expect("stdin");
    // A child that stops reading early (an error) closes the pipe: not a test failure.
    let _ = pipe.write_all(stdin);
    drop(pipe);
    child.wait_with_output().expect("wait for tact")
}

/// `tact train --task TASK --data DATA --out OUT --quiet`.
pub fn train_quietly(task: &str, data: &str, out: &str) -> Output {
    run(
        &[
            "train", "--task", task, "--data", data, "--out", out, "--quiet",
        ],
        b"",
    )
}

/// Standard output, which must be UTF-8.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// Standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// A temporary folder, removed when dropped.
pub struct TempDir(pub PathBuf);

impl TempDir {
    /// A fresh, empty folder for one test.
    pub fn new(name: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("tact-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("create temp dir");
        TempDir(p)
    }

    /// Write a file into the folder; its path.
    pub fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.0.join(name);
        std::fs::write(&p, bytes).expect("write temp file");
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A path as a command-line argument.
pub fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}
