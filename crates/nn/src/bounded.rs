//! Lists with a most-entries limit, read without walking past it: `deserialize_with` helpers
//! that refuse a JSON array as soon as it holds one entry too many (a `layers` list of three
//! million entries stops at entry 33, not after reading all of them).
//!
//! ```
//! use backstep_nn::bounded::{bounded, bounded_rows};
//! #[derive(serde::Deserialize)]
//! struct Doc {
//!     #[serde(deserialize_with = "bounded::<_, _, 3>")]
//!     b: Vec<f32>,
//!     #[serde(deserialize_with = "bounded_rows::<_, _, 2, 3>")]
//!     w: Vec<Vec<f32>>,
//! }
//! let ok: Doc = serde_json::from_str(r#"{"b": [1, 2], "w": [[1, 2, 3]]}"#).unwrap();
//! assert_eq!(ok.w, [[1.0, 2.0, 3.0]]);
//! let e = serde_json::from_str::<Doc>(r#"{"b": [1, 2, 3, 4], "w": []}"#).err().unwrap();
//! assert!(e.to_string().starts_with("more than 3 entries"));
//! ```

use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Reads a list of at most `N` entries; entry `N + 1` ends the read with the error
/// `more than N entries` (its path, with `serde_path_to_error`, is the list's field).
pub fn bounded<'de, D, T, const N: usize>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(Bounded::<T, N>(PhantomData))
}

/// Reads a list of at most `R` rows, each a list of at most `C` entries (a matrix such as
/// `x` or `W`), refusing the first row or entry past either limit.
pub fn bounded_rows<'de, D, T, const R: usize, const C: usize>(
    d: D,
) -> Result<Vec<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let rows: Vec<Row<T, C>> = d.deserialize_seq(Bounded::<Row<T, C>, R>(PhantomData))?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// One row of [`bounded_rows`]: a list of at most `C` entries.
struct Row<T, const C: usize>(Vec<T>);

impl<'de, T: Deserialize<'de>, const C: usize> Deserialize<'de> for Row<T, C> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        bounded::<D, T, C>(d).map(Row)
    }
}

/// The visitor: collects up to `N` entries and fails on the next one.
struct Bounded<T, const N: usize>(PhantomData<T>);

impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for Bounded<T, N> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a sequence of at most {N} entries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        // The hint comes from the input: trust it only up to the limit.
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(N).min(4096));
        while out.len() < N {
            match seq.next_element()? {
                Some(v) => out.push(v),
                None => return Ok(out),
            }
        }
        // Entry N + 1 is only skipped over, never built: seeing it is enough.
        match seq.next_element::<IgnoredAny>()? {
            None => Ok(out),
            Some(_) => Err(A::Error::custom(format_args!("more than {N} entries"))),
        }
    }
}

#[cfg(all(test, feature = "json"))]
mod tests {
    use super::*;
    use crate::limits::MAX_LAYERS;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    struct Doc {
        // A limit named by its constant, as the spec's fields use them.
        #[serde(default, deserialize_with = "bounded::<_, _, MAX_LAYERS>")]
        layers: Vec<serde_json::Value>,
        #[serde(default, deserialize_with = "bounded_rows::<_, _, 4, 2>")]
        x: Vec<Vec<f32>>,
    }

    fn parse(json: &str) -> Result<Doc, String> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| format!("{}: {}", e.path(), e.inner()))
    }

    #[test]
    fn lists_up_to_the_limit_are_read_whole() {
        let layers = vec![r#"{"type":"relu"}"#; 32].join(",");
        let d = parse(&format!(
            r#"{{"layers":[{layers}],"x":[[1,2],[3,4],[5,6],[7,8]]}}"#
        ))
        .unwrap();
        assert_eq!(d.layers.len(), 32);
        assert_eq!(d.x, [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0], [7.0, 8.0]]);
        assert!(parse(r#"{"layers":[],"x":[]}"#).unwrap().x.is_empty());
    }

    #[test]
    fn one_entry_too_many_names_the_field_and_the_limit() {
        let layers = vec!["{}"; 33].join(",");
        let e = parse(&format!(r#"{{"layers":[{layers}]}}"#)).unwrap_err();
        assert!(e.starts_with("layers: more than 32 entries"), "{e}");
        let e = parse(r#"{"x":[[1,2],[3,4],[5,6],[7,8],[9,10]]}"#).unwrap_err();
        assert!(e.starts_with("x: more than 4 entries"), "{e}");
        let e = parse(r#"{"x":[[1,2],[3,4,5]]}"#).unwrap_err();
        assert!(e.starts_with("x[1]: more than 2 entries"), "{e}");
    }

    #[test]
    fn the_read_stops_at_the_first_entry_past_the_limit() {
        // Entry 34 is not JSON at all: an error about it would mean the read went past 33.
        let layers = vec!["{}"; 33].join(",");
        let e = parse(&format!(r#"{{"layers":[{layers}, nonsense"#)).unwrap_err();
        assert!(e.contains("more than 32 entries"), "{e}");
        // Three million entries: refused after 33 of them, however long the rest.
        let huge = format!(r#"{{"layers":[{}]}}"#, vec!["{}"; 3_000_000].join(","));
        let e = parse(&huge).unwrap_err();
        assert!(e.starts_with("layers: more than 32 entries"), "{e}");
        // A row far past its limit is refused at its third entry, before the next row.
        let e = parse(r#"{"x":[[1,2,3 oops"#).unwrap_err();
        assert!(e.starts_with("x[0]: more than 2 entries"), "{e}");
    }

    /// As in the spec's `layers`: serde reads an internally tagged entry whole before its
    /// fields, so there the limit bounds the result but not the reading of that entry, and the
    /// path stops at the entry (`[0]`, not `[0].b`).
    #[derive(Debug, Deserialize)]
    #[serde(tag = "type", rename_all = "lowercase")]
    enum Layer {
        Affine {
            #[serde(deserialize_with = "bounded::<_, _, 2>")]
            b: Vec<f32>,
        },
    }

    #[test]
    fn inside_a_tagged_entry_the_limit_still_holds() {
        let read = |json: &str| {
            let de = &mut serde_json::Deserializer::from_str(json);
            serde_path_to_error::deserialize::<_, Vec<Layer>>(de)
                .map_err(|e| format!("{}: {}", e.path(), e.inner()))
        };
        let Layer::Affine { b } = &read(r#"[{"type":"affine","b":[1,2]}]"#).unwrap()[0];
        assert_eq!(b, &[1.0, 2.0]);
        let e = read(r#"[{"type":"affine","b":[1,2,3]}]"#).unwrap_err();
        assert!(e.starts_with("[0]: more than 2 entries"), "{e}");
    }

    #[test]
    fn other_errors_are_unchanged() {
        let e = parse(r#"{"x":[[1,"a"]]}"#).unwrap_err();
        assert!(e.starts_with("x[0][1]: invalid type: string"), "{e}");
        let e = parse(r#"{"x":3}"#).unwrap_err();
        assert!(
            e.contains("expected a sequence of at most 4 entries"),
            "{e}"
        );
    }
}
