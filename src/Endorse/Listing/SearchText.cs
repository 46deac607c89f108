namespace Endorse.Listing;

/// <summary>
/// Search works on lower-cased, accent-free copies of names kept in indexed columns, matched by prefix,
/// so a search is an index range scan on SQLite and PostgreSQL alike instead of a scan of a million rows.
/// </summary>
public static class SearchText
{
    /// <summary>The form stored in *Search columns and compared against.</summary>
    public static string Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        // Control characters and halves of surrogate pairs are dropped: the database could not compare them, and
        // string.Normalize throws on the latter.
        var decomposed = InputText.Clean(value).Trim().Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var ch in decomposed)
        {
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(ch))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(ch));
            lastWasSpace = false;
        }

        return builder.ToString();
    }

    /// <summary>The exclusive upper bound of the prefix range: every string starting with <paramref name="prefix"/> sorts below it.</summary>
    public static string UpperBound(string prefix) => prefix + '\uffff';
}
