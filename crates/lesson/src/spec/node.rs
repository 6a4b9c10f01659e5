//! A value of a parsed document, as the one reader ([`crate::spec::read`]) sees it: what it is, its
//! number or text, an array's entries, an object's own fields. The CLI's `serde_json::Value`
//! is one (here); the page's JS values are another (the wasm glue's `js.rs`). With the typed
//! readers every format shares (an object's [`Fields`], numbers, whole numbers, text, lists),
//! each error naming the field's path.

use backstep_nn::batch::MAX_SAFE_INTEGER;
use backstep_nn::error::SpecError;
use backstep_nn::message::Msg;

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

/// What a reader returns: the value, or the error naming its field.
pub type Read<T> = Result<T, SpecError>;

/// The largest integer a JS number holds exactly (2^53 − 1), as the reader compares it.
const MAX_SAFE: f64 = MAX_SAFE_INTEGER as f64;

pub(crate) fn expected<N: Node>(v: &N, path: &str, what: &'static str) -> SpecError {
    let got = v.kind().describe();
    SpecError::new(path, Msg::Expected { want: what, got })
}

/// An object whose keys are all in `allowed`, with its path for messages.
pub struct Fields<'p, N> {
    value: N,
    path: &'p str,
}

impl<'p, N: Node> Fields<'p, N> {
    /// `value` as an object whose keys are all in `allowed`.
    pub fn new(value: N, path: &'p str, allowed: &[&str]) -> Read<Self> {
        if value.kind() != Kind::Object {
            return Err(expected(&value, path, "an object"));
        }
        if let Some(key) = value
            .keys()
            .into_iter()
            .find(|k| !allowed.contains(&k.as_str()))
        {
            let list: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
            let allowed = list.join(", ");
            return Err(SpecError::new(path, Msg::UnknownField { key, allowed }));
        }
        Ok(Fields { value, path })
    }
    fn path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.into()
        } else {
            format!("{}.{key}", self.path)
        }
    }
    fn get(&self, key: &str) -> Option<N> {
        self.value.field(key)
    }
    fn require(&self, key: &str) -> Read<N> {
        self.get(key)
            .ok_or_else(|| SpecError::new(self.path, Msg::MissingField { key: key.into() }))
    }
    /// An optional field, read by `read`.
    pub fn opt<T>(&self, key: &str, read: impl Fn(&N, &str) -> Read<T>) -> Read<Option<T>> {
        self.get(key).map(|v| read(&v, &self.path(key))).transpose()
    }
    /// A field that must be present, read by `read`.
    pub fn need<T>(&self, key: &str, read: impl Fn(&N, &str) -> Read<T>) -> Read<T> {
        read(&self.require(key)?, &self.path(key))
    }
}

/// A number.
pub fn number<N: Node>(v: &N, path: &str) -> Read<f64> {
    v.number().ok_or_else(|| expected(v, path, "a number"))
}

/// A whole number from 0 to 2^53 − 1.
pub fn whole<N: Node>(v: &N, path: &str) -> Read<u64> {
    let n = number(v, path)?;
    if (0.0..=MAX_SAFE).contains(&n) && n.fract() == 0.0 {
        Ok(n as u64)
    } else {
        Err(SpecError::new(path, Msg::WholeNumber))
    }
}

/// A string.
pub fn text<N: Node>(v: &N, path: &str) -> Read<String> {
    v.text().ok_or_else(|| expected(v, path, "a string"))
}

/// An array of at most `max` entries, each read by `each`. The length is checked first, so a
/// huge array is refused before it is walked.
pub fn list<N: Node, T>(
    v: &N,
    path: &str,
    (max, what): (usize, &'static str),
    each: impl Fn(&N, &str) -> Read<T>,
) -> Read<Vec<T>> {
    if v.kind() != Kind::Array {
        return Err(expected(v, path, "an array"));
    }
    let n = v.len();
    if n > max {
        return Err(SpecError::new(path, Msg::TooMany { n, what, max }));
    }
    (0..n)
        .map(|i| each(&v.item(i), &format!("{path}[{i}]")))
        .collect()
}

/// `value` as an object whose keys are all in `allowed` (its fields read with `need`, `opt`).
pub fn fields<'p, N: Node>(value: N, path: &'p str, allowed: &[&str]) -> Read<Fields<'p, N>> {
    Fields::new(value, path, allowed)
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
