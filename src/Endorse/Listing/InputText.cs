namespace Endorse.Listing;

/// <summary>
/// What text Endorse accepts from outside (a query string, a path, a JSON string, a form field): no NUL or other
/// control characters (PostgreSQL cannot store a NUL, and nobody types one), no half of a surrogate pair (it has no
/// UTF-8 form), and a bounded length. Free text (notes, comments) may hold line breaks and tabs.
/// </summary>
public static class InputText
{
    /// <summary>The longest search a list accepts: a prefix longer than any stored name finds nothing anyway.</summary>
    public const int MaxSearchLength = 200;

    /// <summary>Why <paramref name="value"/> is not acceptable text, or null when it is.</summary>
    /// <param name="value">The text as received.</param>
    /// <param name="maxLength">The longest accepted, in UTF-16 code units; null for no limit here (a validator checks it).</param>
    /// <param name="multiline">Whether line breaks and tabs are allowed (free text).</param>
    public static string? Problem(string? value, int? maxLength = null, bool multiline = false)
    {
        if (value is null)
        {
            return null;
        }

        if (maxLength is { } max && value.Length > max)
        {
            return $"must be at most {max:N0} characters.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return "contains an invalid character (half of a surrogate pair).";
            }

            if (char.IsLowSurrogate(c))
            {
                return "contains an invalid character (half of a surrogate pair).";
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return c == '\0'
                    ? "must not contain a NUL character."
                    : $"must not contain control characters (found U+{(int)c:X4}).";
            }
        }

        return null;
    }

    /// <summary>Why a list's search text is not acceptable, or null when it is (or when there is none).</summary>
    public static string? SearchProblem(string? search) => Problem(search, MaxSearchLength);

    /// <summary>
    /// The text with what <see cref="Problem"/> refuses taken out (control characters, halves of surrogate pairs), for
    /// places that read what a person typed in a page and would rather ignore a stray character than refuse it.
    /// </summary>
    public static string Clean(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Problem(value) is null)
        {
            return value;
        }

        var builder = new System.Text.StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (!char.IsSurrogate(c) && !char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
