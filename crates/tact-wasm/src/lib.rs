//! tact for plain JavaScript: `analyzeComplaint`, `checkReply` and `loadModel`.
//!
//! A thin layer: every function returns a plain JS object (or throws a JS `Error` with the
//! message of tact-core's typed error). Spans are converted once, here, from tact-core's byte
//! offsets to the UTF-16 code-unit offsets JavaScript strings use, so that
//! `text.slice(start, end)` in JS gives exactly the flagged text, emoji included.

use std::cell::RefCell;

use serde::Serialize;
use tact_core::{CheckConfig, ComplaintReport, Engine, Model, ReplyReport};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The engine in use: the embedded defaults until `loadModel` replaces a model.
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn engine() -> Result<Engine, JsError> {
    ENGINE.with(|e| {
        if let Some(engine) = e.borrow().as_ref() {
            return Ok(engine.clone());
        }
        let engine = Engine::embedded()
            .map_err(|err| JsError::new(&err.to_string()))?
            .clone();
        *e.borrow_mut() = Some(engine.clone());
        Ok(engine)
    })
}

/// Maps byte offsets of one string to UTF-16 offsets.
#[derive(Debug)]
pub struct Utf16Map {
    /// `(byte offset, utf16 offset)` at every char boundary, plus the end.
    points: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Build the map for `text`.
    pub fn new(text: &str) -> Self {
        let mut points = Vec::with_capacity(text.len() + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            points.push((b, u));
            u += c.len_utf16();
        }
        points.push((text.len(), u));
        Utf16Map { points }
    }

    /// UTF-16 offset of a byte offset (a char boundary; otherwise the next boundary's).
    pub fn utf16(&self, byte: usize) -> usize {
        let i = self.points.partition_point(|p| p.0 < byte);
        self.points
            .get(i)
            .map_or_else(|| self.points.last().map_or(0, |p| p.1), |p| p.1)
    }
}

/// Rewrite every `"start"`/`"end"` pair in a serialised report from bytes to UTF-16 units.
fn to_utf16(value: &mut serde_json::Value, map: &Utf16Map) {
    match value {
        serde_json::Value::Object(m) => {
            for key in ["start", "end"] {
                if let Some(serde_json::Value::Number(n)) = m.get(key) {
                    if let Some(b) = n.as_u64() {
                        m.insert(
                            key.to_string(),
                            serde_json::Value::from(map.utf16(b as usize) as u64),
                        );
                    }
                }
            }
            for v in m.values_mut() {
                to_utf16(v, map);
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(|v| to_utf16(v, map)),
        _ => {}
    }
}

fn to_js<T: Serialize>(report: &T, text: &str) -> Result<JsValue, JsError> {
    let mut v = serde_json::to_value(report).map_err(|e| JsError::new(&e.to_string()))?;
    to_utf16(&mut v, &Utf16Map::new(text));
    let s = serde_json::to_string(&v).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys_json_parse(&s)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(s: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = stringify)]
    fn json_stringify(v: &JsValue) -> Result<JsValue, JsValue>;
}

fn js_sys_json_parse(s: &str) -> Result<JsValue, JsError> {
    json_parse(s).map_err(|_| JsError::new("internal error: report is not valid JSON"))
}

/// Report on a complaint as JSON text (spans in UTF-16 units). For tests and non-JS hosts.
pub fn analyze_json(text: &str) -> Result<String, String> {
    let engine = Engine::embedded().map_err(|e| e.to_string())?;
    report_json(&engine.analyze(text), text)
}

/// Report on a reply as JSON text (spans in UTF-16 units), with settings given as JSON.
pub fn check_json(
    reply: &str,
    complaint: Option<&str>,
    config_json: Option<&str>,
) -> Result<String, String> {
    let engine = Engine::embedded().map_err(|e| e.to_string())?;
    let config = match config_json {
        Some(c) => CheckConfig::from_json(c).map_err(|e| e.to_string())?,
        None => CheckConfig::default(),
    };
    report_json(&engine.check_with(reply, complaint, &config), reply)
}

fn report_json<T: Serialize>(report: &T, text: &str) -> Result<String, String> {
    let mut v = serde_json::to_value(report).map_err(|e| e.to_string())?;
    to_utf16(&mut v, &Utf16Map::new(text));
    serde_json::to_string(&v).map_err(|e| e.to_string())
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Urgency level, from least to most urgent. */
export type UrgencyLevel = "low" | "normal" | "high" | "critical";
/** The customer personas of the seed guides. */
export type PersonaLabel = "meek" | "aggressive" | "high_roller" | "chronic" | "barnacle" | "moderate";
/** Rule ids of the reply checker. */
export type RuleId = string;
/** A word or phrase that drove a score. `start`/`end` are UTF-16 offsets: `text.slice(start, end) === cue.text`. */
export interface Cue { start: number; end: number; text: string; why: string; weight: number; }
export interface Urgency {
  level: UrgencyLevel;
  /** 0-100, inside the level's band (low 0-24, normal 25-49, high 50-74, critical 75-100). */
  score: number;
  probabilities: Record<UrgencyLevel, number>;
  cues: Cue[];
}
export interface Persona {
  label: PersonaLabel;
  confidence: number;
  scores: Record<PersonaLabel, number>;
  cues: Cue[];
}
export interface Advice { about: string; text: string; source: string; }
export interface ComplaintReport { urgency: Urgency; persona: Persona; advice: Advice[]; }
export type Severity = "hint" | "warning" | "error";
/** One finding in a reply draft. `start`/`end` are UTF-16 offsets into the draft. */
export interface Lint {
  rule: RuleId;
  start: number;
  end: number;
  text: string;
  severity: Severity;
  message: string;
  /** Replaces `text`; `""` deletes it; `null` when there is no suggestion. */
  suggestion: string | null;
  source: string;
}
export interface ReplyReport {
  passive_aggressive: boolean;
  /** Rules and tone model combined, 0-1. */
  score: number;
  /** The tone model alone, 0-1. */
  model_score: number;
  lints: Lint[];
  [key: string]: unknown;
}
/** Settings of the reply checker; every field is optional. */
export interface CheckConfig {
  strictness?: "strict" | "standard" | "relaxed";
  disabled?: RuleId[];
  allow?: string[];
  dismissed?: { rule: RuleId; text: string }[];
}
export interface DataSource { name: string; rows: number; licence: string; }
export interface TrainingMeta {
  tact_version: string;
  trained_on: string | null;
  seed: number;
  examples: number;
  data_sources: DataSource[];
  metrics: Record<string, number>;
  params: Record<string, string>;
}
export interface ModelInfo { task: "urgency" | "persona" | "tone"; labels: string[]; meta: TrainingMeta; }
"#;

/// Set up once: route Rust panics to `console.error` (none are expected).
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Score a complaint: `{urgency: {level, score, probabilities, cues}, persona: {label,
/// confidence, scores, cues}, advice}`. Cue `start`/`end` are UTF-16 offsets into `text`.
#[wasm_bindgen(js_name = analyzeComplaint, unchecked_return_type = "ComplaintReport")]
pub fn analyze_complaint(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsError> {
    let text = string_arg(&text, "text")?;
    let report: ComplaintReport = engine()?.analyze(&text);
    to_js(&report, &text)
}

/// A string argument, or a JS `Error` naming it. Taking `&str` straight from JavaScript would
/// let a number or an object through wasm-bindgen's glue unchecked, and the read traps.
fn string_arg(v: &JsValue, name: &str) -> Result<String, JsError> {
    v.as_string().ok_or_else(|| {
        let kind = if v.is_null() {
            "null".to_string()
        } else {
            v.js_typeof().as_string().unwrap_or_default()
        };
        JsError::new(&format!("{name} must be a string, got {kind}"))
    })
}

/// An optional string argument: `null` and `undefined` are "not given".
fn optional_string_arg(v: &JsValue, name: &str) -> Result<Option<String>, JsError> {
    if v.is_null() || v.is_undefined() {
        Ok(None)
    } else {
        string_arg(v, name).map(Some)
    }
}

/// Check a reply draft: `{passive_aggressive, score, model_score, lints: [{rule, start, end,
/// text, severity, message, suggestion, source}], complaint}`. `start`/`end` are UTF-16
/// offsets. `config` (optional) is `{strictness: "strict"|"standard"|"relaxed", disabled:
/// [rule ids], allow: [phrases], dismissed: [{rule, text}]}`; a bad one throws, naming the field.
#[wasm_bindgen(js_name = checkReply, unchecked_return_type = "ReplyReport")]
pub fn check_reply(
    #[wasm_bindgen(unchecked_param_type = "string")] reply: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | null | undefined")] complaint: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CheckConfig | null | undefined")] config: JsValue,
) -> Result<JsValue, JsError> {
    let reply = string_arg(&reply, "reply")?;
    let complaint = optional_string_arg(&complaint, "complaint")?;
    let settings = if config.is_undefined() || config.is_null() {
        CheckConfig::default()
    } else {
        let text = json_stringify(&config)
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| JsError::new("config must be a plain object"))?;
        CheckConfig::from_json(&text).map_err(|e| JsError::new(&e.to_string()))?
    };
    let report: ReplyReport = engine()?.check_with(&reply, complaint.as_deref(), &settings);
    to_js(&report, &reply)
}

/// Load a model file exported by `tact train` in place of the default for its task. Returns
/// `{task, labels, meta}`; throws with a clear message for a bad file.
#[wasm_bindgen(js_name = loadModel, unchecked_return_type = "ModelInfo")]
pub fn load_model(bytes: &[u8]) -> Result<JsValue, JsError> {
    let model = Model::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let info = serde_json::json!({"task": model.task, "labels": model.labels, "meta": model.meta});
    let next = engine()?
        .with_model(model)
        .map_err(|e| JsError::new(&e.to_string()))?;
    ENGINE.with(|e| *e.borrow_mut() = Some(next));
    js_sys_json_parse(&info.to_string())
}

/// Go back to the embedded default models.
#[wasm_bindgen(js_name = resetModels)]
pub fn reset_models() {
    ENGINE.with(|e| *e.borrow_mut() = None);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_turns_a_rule_off_and_bad_config_is_an_error() {
        let reply = "We're sorry that you are having this problem.";
        let all: serde_json::Value =
            serde_json::from_str(&check_json(reply, None, None).unwrap()).unwrap();
        assert_eq!(all["lints"][0]["rule"], "non_apology");
        let off = check_json(reply, None, Some(r#"{"disabled": ["non_apology"]}"#)).unwrap();
        let off: serde_json::Value = serde_json::from_str(&off).unwrap();
        assert!(off["lints"]
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["rule"] != "non_apology"));
        let err = check_json(reply, None, Some(r#"{"disabled": ["nope"]}"#)).unwrap_err();
        assert!(err.contains("nope"), "{err}");
    }

    #[test]
    fn utf16_offsets_with_emoji_and_accents() {
        let text = "😡 café ok";
        let m = Utf16Map::new(text);
        assert_eq!(m.utf16(0), 0);
        assert_eq!(m.utf16(4), 2, "the emoji is 4 bytes, 2 UTF-16 units");
        assert_eq!(m.utf16(5), 3);
        assert_eq!(m.utf16(10), 7, "é is 2 bytes, 1 unit");
        assert_eq!(m.utf16(text.len()), 10);
    }

    #[test]
    fn spans_in_json_are_utf16() {
        let reply = "🙂🙂 We're sorry that you are having this problem.";
        let json = check_json(reply, None, None).expect("embedded models load");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        let lint = &v["lints"][0];
        let (s, e) = (
            lint["start"].as_u64().unwrap() as usize,
            lint["end"].as_u64().unwrap() as usize,
        );
        let utf16: Vec<u16> = reply.encode_utf16().collect();
        let slice = String::from_utf16(&utf16[s..e]).unwrap();
        assert_eq!(slice, lint["text"].as_str().unwrap());
    }
}
