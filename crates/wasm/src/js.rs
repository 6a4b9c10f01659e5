//! Values to and from JS. Reading: the JS value that `JSON.parse` returns (or any plain object)
//! is a [`Node`] for the library's one reader (`backstep_lesson::spec::read`), the same code the CLI runs
//! over serde_json, so the page and the CLI accept the same documents with the same messages.
//! Only an object's own properties count (as a structured clone or `JSON.stringify` sees it).
//! Writing: the library's serde derives, through serde-wasm-bindgen, as plain objects and arrays;
//! each f32 becomes the JS number of exactly its value.
//!
//! The browser's `JSON.parse` and `JSON.stringify` handle the text, so the wasm carries no JSON
//! code, and no serde deserializer (BENCHMARKS.md has what one would cost).

use backstep_lesson::TimelineError;
use backstep_lesson::spec::read::{Kind, Node};
use backstep_nn::SpecError;
use backstep_nn::message::Lang;
use js_sys::{Array, Object, Reflect};
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

/// A JS value being read.
#[derive(Clone)]
pub struct Js(pub JsValue);

impl Node for Js {
    fn kind(&self) -> Kind {
        let v = &self.0;
        if v.is_null() {
            Kind::Null
        } else if v.is_undefined() {
            Kind::Nothing
        } else if v.as_bool().is_some() {
            Kind::Bool
        } else if v.as_f64().is_some() {
            Kind::Number
        } else if v.is_string() {
            Kind::Text
        } else if Array::is_array(v) {
            Kind::Array
        } else if v.is_bigint() {
            Kind::Other("a bigint")
        } else if v.is_symbol() {
            Kind::Other("a symbol")
        } else if v.is_function() {
            Kind::Other("a function")
        } else {
            Kind::Object
        }
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn text(&self) -> Option<String> {
        self.0.as_string()
    }
    fn len(&self) -> usize {
        self.0.dyn_ref::<Array>().map_or(0, |a| a.length() as usize)
    }
    fn item(&self, i: usize) -> Self {
        Js(self
            .0
            .dyn_ref::<Array>()
            .map_or(JsValue::UNDEFINED, |a| a.get(i as u32)))
    }
    fn keys(&self) -> Vec<String> {
        Object::keys(self.0.unchecked_ref::<Object>())
            .iter()
            .map(|k| k.as_string().unwrap_or_default())
            .collect()
    }
    fn field(&self, key: &str) -> Option<Self> {
        let obj = self.0.unchecked_ref::<Object>();
        let key = JsValue::from_str(key);
        if !Object::has_own(obj, &key) {
            return None;
        }
        let v = Reflect::get(obj, &key).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(Js(v))
    }
}

/// Writes a value as plain JS objects and arrays (never a `Map`), numbers as numbers.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    // The library's types hold only numbers, strings, lists and structs, which always convert.
    value.serialize(&ser).unwrap_or(JsValue::NULL)
}

/// What a call throws: a JS `Error` whose message is the English line (as the CLI prints it).
/// A refusal from the core's catalogue (a [`SpecError`]) also carries its `code`, `field`, its
/// arguments (`args`) and `say`, the line in every language (`{en, ja}`), so the page shows it in
/// its own language without a second copy of the words.
pub trait Thrown {
    /// The JS value thrown.
    fn thrown(self) -> JsValue;
}

impl Thrown for SpecError {
    fn thrown(self) -> JsValue {
        let err = js_sys::Error::new(&self.to_string());
        let say = Object::new();
        for lang in Lang::ALL {
            set(&say, lang.code(), &self.say(lang).into());
        }
        set(&err, "code", &self.msg.code().into());
        set(&err, "field", &self.field.as_str().into());
        set(&err, "args", &to_js(&self.msg));
        set(&err, "say", &say);
        err.into()
    }
}

impl Thrown for &str {
    fn thrown(self) -> JsValue {
        js_sys::Error::new(self).into()
    }
}

impl Thrown for String {
    fn thrown(self) -> JsValue {
        self.as_str().thrown()
    }
}

impl Thrown for TimelineError {
    fn thrown(self) -> JsValue {
        match self {
            TimelineError::Invalid(e) => e.thrown(),
            TimelineError::Limit => {
                let max = backstep_lesson::timeline::MAX_STEPS;
                SpecError::new("", backstep_nn::message::Msg::RunLimit { max }).thrown()
            }
            other => other.to_string().thrown(),
        }
    }
}

/// Sets a property on a plain object (which cannot fail).
fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &key.into(), value);
}

/// The JS error for `e` ([`Thrown`]).
pub fn error(e: impl Thrown) -> JsValue {
    e.thrown()
}
