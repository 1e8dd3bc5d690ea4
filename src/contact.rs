//! Contact details in a document: e-mail addresses, phone numbers and URLs,
//! found with one set of patterns for the résumé facts and for `--redact`.

use std::sync::OnceLock;

use regex::Regex;

/// E-mails, URLs (`https://…`, `www.…`, `linkedin.com/…`) and phone numbers (8+ digits).
pub fn pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("{EMAIL}|{URL}|{PHONE}")).expect("valid regex"))
}

const EMAIL: &str = r"(?i)[\w.+-]+@[\w-]+\.[\w.]+";
const URL: &str = r"(?i)https?://\S+|www\.\S+|linkedin\.com/\S+|github\.com/\S+";
const PHONE: &str = r"\+?\d[\d ().-]{7,}\d";

/// What contact details a document gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Contact {
    /// An e-mail address.
    pub email: bool,
    /// A phone number (8 or more digits, with spaces, dots, dashes or parentheses).
    pub phone: bool,
    /// A web or profile URL (LinkedIn, GitHub, a personal site).
    pub url: bool,
}

impl Contact {
    /// The contact details in `text`. A phone needs 8 digits or more and is
    /// not a year range (`2019 - 2021`).
    pub fn of(text: &str) -> Contact {
        static PARTS: OnceLock<[Regex; 4]> = OnceLock::new();
        let [email, url, phone, years] = PARTS.get_or_init(|| {
            [EMAIL, URL, PHONE, r"^(19|20)\d\d\D+(19|20)\d\d$"].map(|p| Regex::new(p).expect("valid regex"))
        });
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).count();
        Contact {
            email: email.is_match(text),
            phone: phone.find_iter(text).any(|m| digits(m.as_str()) >= 8 && !years.is_match(m.as_str())),
            url: url.is_match(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details() {
        let c = Contact::of("Dana Reyes · dana@example.org · +44 20 7946 0958 · linkedin.com/in/dana");
        assert_eq!(c, Contact { email: true, phone: true, url: true });
        assert_eq!(Contact::of("Engineer, 2019 - 2021, 12.5% faster"), Contact::default());
        assert_eq!(pattern().replace_all("mail a@b.co or see https://x.io", "[x]"), "mail [x] or see [x]");
    }
}
