//! `tact serve`: the built web app on 127.0.0.1, with a Content-Security-Policy that allows
//! no outside connection.

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;

/// Arguments of `tact serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The built app (scripts/build-web writes it to web/dist).
    #[arg(long, default_value = "web/dist")]
    dir: PathBuf,
}

/// Nothing the page loads may come from anywhere but this server.
pub(crate) const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

fn content_type(p: &Path) -> &'static str {
    match p.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The file for a request path, or `None` if it would leave `root`.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut out = root.to_path_buf();
    for c in Path::new(path.trim_start_matches('/')).components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if out.is_dir() {
        out.push("index.html");
    }
    Some(out)
}

pub(crate) fn serve(args: &ServeArgs) -> Result<ExitCode> {
    let index = args.dir.join("index.html");
    if !index.is_file() {
        anyhow::bail!(
            "{} not found: build the web app first with scripts/build-web (or pass --dir)",
            index.display()
        );
    }
    let addr = format!("127.0.0.1:{}", args.port);
    let server = tiny_http::Server::http(&addr)
        .map_err(|e| anyhow::anyhow!("cannot listen on {addr}: {e}"))?;
    eprintln!(
        "tact: serving {} at http://{addr}/ (Ctrl-C to stop)",
        args.dir.display()
    );
    for req in server.incoming_requests() {
        let file = resolve(&args.dir, req.url()).filter(|p| p.is_file());
        let header =
            |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).ok();
        let result = match file {
            Some(p) => match std::fs::read(&p) {
                Ok(bytes) => {
                    // Revalidation instead of a fresh download: the 1 MB wasm comes back as a
                    // 304 while it is unchanged, and the browser reuses its compiled code.
                    let etag = format!("\"{:016x}\"", tact_core::checksum(&bytes));
                    let fresh = req.headers().iter().any(|h| {
                        h.field.equiv("If-None-Match")
                            && h.value.as_str().split(',').any(|t| t.trim() == etag)
                    });
                    let (status, body) = if fresh {
                        (304, Vec::new())
                    } else {
                        (200, bytes)
                    };
                    let mut resp = tiny_http::Response::from_data(body).with_status_code(status);
                    for h in [
                        header("ETag", &etag),
                        header("Content-Type", content_type(&p)),
                        header("Content-Security-Policy", CSP),
                        header("X-Content-Type-Options", "nosniff"),
                        header("Referrer-Policy", "no-referrer"),
                        header("Cache-Control", "no-cache"),
                    ]
                    .into_iter()
                    .flatten()
                    {
                        resp.add_header(h);
                    }
                    req.respond(resp)
                }
                Err(_) => req.respond(
                    tiny_http::Response::from_string("cannot read file").with_status_code(500),
                ),
            },
            None => {
                req.respond(tiny_http::Response::from_string("not found").with_status_code(404))
            }
        };
        if let Err(e) = result {
            eprintln!("tact: response failed: {e}");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_root() {
        let root = Path::new("dist");
        assert_eq!(
            resolve(root, "/app.js?v=1"),
            Some(PathBuf::from("dist/app.js"))
        );
        assert_eq!(resolve(root, "/../secret"), None);
        assert_eq!(resolve(root, "/a/../../b"), None);
    }
}
