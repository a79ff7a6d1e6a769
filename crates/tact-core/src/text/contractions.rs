//! English contractions, expanded for phrase matching ("we're" matches "we are").

/// The words a normalised contraction stands for, or `None` if `norm` is not one.
///
/// `'s` is expanded only after pronouns and question words ("it's" → "it is"); elsewhere it
/// is a possessive ("customer's").
pub fn expand_contraction(norm: &str) -> Option<Vec<&str>> {
    let special = match norm {
        "won't" => Some(vec!["will", "not"]),
        "can't" | "cannot" => Some(vec!["can", "not"]),
        "shan't" => Some(vec!["shall", "not"]),
        "ain't" => Some(vec!["is", "not"]),
        "let's" => Some(vec!["let", "us"]),
        "y'all" => Some(vec!["you", "all"]),
        _ => None,
    };
    if special.is_some() {
        return special;
    }
    let (head, tail) = if let Some(h) = norm.strip_suffix("n't") {
        (h, "not")
    } else if let Some(h) = norm.strip_suffix("'re") {
        (h, "are")
    } else if let Some(h) = norm.strip_suffix("'m") {
        (h, "am")
    } else if let Some(h) = norm.strip_suffix("'ve") {
        (h, "have")
    } else if let Some(h) = norm.strip_suffix("'ll") {
        (h, "will")
    } else if let Some(h) = norm.strip_suffix("'d") {
        (h, "would")
    } else if let Some(h) = norm.strip_suffix("'s") {
        const PRONOUNS: [&str; 11] = [
            "it", "that", "there", "here", "what", "he", "she", "who", "where", "how", "this",
        ];
        if !PRONOUNS.contains(&h) {
            return None;
        }
        (h, "is")
    } else {
        return None;
    };
    if head.is_empty() {
        return None;
    }
    Some(vec![head, tail])
}

#[cfg(test)]
mod tests {
    use super::expand_contraction as e;

    #[test]
    fn expands_common_forms() {
        assert_eq!(e("we're"), Some(vec!["we", "are"]));
        assert_eq!(e("don't"), Some(vec!["do", "not"]));
        assert_eq!(e("won't"), Some(vec!["will", "not"]));
        assert_eq!(e("i'm"), Some(vec!["i", "am"]));
        assert_eq!(e("it's"), Some(vec!["it", "is"]));
    }

    #[test]
    fn leaves_possessives_and_words() {
        assert_eq!(e("customer's"), None);
        assert_eq!(e("sorry"), None);
        assert_eq!(e("'s"), None);
    }
}
