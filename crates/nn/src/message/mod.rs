//! The catalogue of the core's messages: every way a spec, a setting, a saved run or a call can
//! be refused is one [`Msg`], a code with its arguments, and each is written once per language
//! from them ([`en`], [`ja`]), each an exhaustive `match`, so a code without a language does not
//! compile. The CLI prints the English; the page shows the one of its language (the wasm gives
//! both with the code and the field). A test renders every code in both languages.

mod code;
mod en;
mod ja;

pub use code::Msg;

/// A language the core's messages are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    /// English (the CLI's, and the default).
    En,
    /// Japanese (the article's).
    Ja,
}

impl Lang {
    /// Every language, `en` first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];
    /// The language's code: `en`, `ja`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }
}

impl Msg {
    /// The message in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::En => en::say(self),
            Lang::Ja => ja::say(self),
        }
    }
    /// The code, as the page receives it: `unknown_field`, `too_many`, ….
    pub fn code(&self) -> String {
        let name = format!("{self:?}");
        let name = name.split([' ', '{', '(']).next().unwrap_or_default();
        let mut code = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                code.push('_');
            }
            code.push(c.to_ascii_lowercase());
        }
        code
    }
}

impl From<Msg> for String {
    /// The English text.
    fn from(m: Msg) -> String {
        m.say(Lang::En)
    }
}
