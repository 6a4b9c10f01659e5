//! A value of a parsed document, as the one reader ([`crate::spec::read`]) sees it: what it is, its
//! number or text, an array's entries, an object's own fields. The CLI's `serde_json::Value`
//! is one (here); the page's JS values are another (the wasm glue's `js.rs`).

/// What a value of a parsed document is, as a message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `undefined` (JS only).
    Nothing,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    Text,
    /// An array.
    Array,
    /// An object.
    Object,
    /// Anything else a JS value can be (a bigint, a symbol, a function).
    Other(&'static str),
}

impl Kind {
    /// How a message names it: `null`, `a number`, `an object`, …
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Nothing => "nothing",
            Kind::Bool => "a boolean",
            Kind::Number => "a number",
            Kind::Text => "a string",
            Kind::Array => "an array",
            Kind::Object => "an object",
            Kind::Other(what) => what,
        }
    }
}

/// A value of a parsed document.
pub trait Node: Sized + Clone {
    /// What it is.
    fn kind(&self) -> Kind;
    /// Its value, if it is a number.
    fn number(&self) -> Option<f64>;
    /// Its value, if it is a string.
    fn text(&self) -> Option<String>;
    /// Its length, if it is an array (0 otherwise).
    fn len(&self) -> usize;
    /// Whether it is an empty array (or not an array).
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Entry `i` of an array (`i < len()`).
    fn item(&self, i: usize) -> Self;
    /// An object's own keys, in order.
    fn keys(&self) -> Vec<String>;
    /// An object's own field; absent, `undefined` and `null` all read as `None`.
    fn field(&self, key: &str) -> Option<Self>;
}

#[cfg(feature = "json")]
impl Node for &serde_json::Value {
    fn kind(&self) -> Kind {
        use serde_json::Value;
        match self {
            Value::Null => Kind::Null,
            Value::Bool(_) => Kind::Bool,
            Value::Number(_) => Kind::Number,
            Value::String(_) => Kind::Text,
            Value::Array(_) => Kind::Array,
            Value::Object(_) => Kind::Object,
        }
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn text(&self) -> Option<String> {
        self.as_str().map(String::from)
    }
    fn len(&self) -> usize {
        self.as_array().map_or(0, Vec::len)
    }
    fn item(&self, i: usize) -> Self {
        &self[i]
    }
    fn keys(&self) -> Vec<String> {
        self.as_object()
            .map_or_else(Vec::new, |o| o.keys().cloned().collect())
    }
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|v| !v.is_null())
    }
}
