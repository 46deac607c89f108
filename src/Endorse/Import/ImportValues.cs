using System.Globalization;

namespace Endorse.Import;

/// <summary>How CRM exports write values: dates as yyyy-MM-dd or ISO timestamps, booleans as true/false/1/0, numbers invariant.</summary>
public static class ImportValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ss.fffzzz", "yyyy-MM-dd'T'HH:mm:ss.fffK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];

    /// <summary>Empty or whitespace is null; otherwise the trimmed text.</summary>
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Parses yyyy-MM-dd and ISO 8601 timestamps, including Salesforce's "2024-03-01T10:00:00.000+0000".</summary>
    public static bool TryParseDate(string? value, out DateOnly? date)
    {
        date = null;
        var text = Text(value);
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A date at the edge of the calendar (0001-01-01, 9999-12-31) is a placeholder, not a date: refused like garbage.
            date = day;
            return Listing.InputDates.InRange(day);
        }

        // Salesforce writes offsets without a colon (+0000); .NET's zzz wants +00:00.
        if (text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && char.IsAsciiDigit(text[^1]) && text[^3] != ':' && text.Contains('T'))
        {
            text = text[..^2] + ":" + text[^2..];
        }

        if (DateTimeOffset.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            || (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)))
        {
            date = DateOnly.FromDateTime(instant.UtcDateTime);
            return Listing.InputDates.InRange(date.Value);
        }

        return false;
    }

    /// <summary>true/false, 1/0, yes/no (any case); empty is false.</summary>
    public static bool TryParseBool(string? value, out bool result)
    {
        result = false;
        var text = Text(value);
        switch (text?.ToLowerInvariant())
        {
            case null or "false" or "0" or "no" or "n":
                return true;
            case "true" or "1" or "yes" or "y":
                result = true;
                return true;
            default:
                return false;
        }
    }

    /// <summary>An invariant decimal ("1234.5", "-3", "1e6"); empty is null.</summary>
    public static bool TryParseDecimal(string? value, out decimal? result)
    {
        result = null;
        var text = Text(value);
        if (text is null)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            result = number;
            return true;
        }

        return false;
    }

    /// <summary>A whole number, possibly written with a zero fraction ("250.0"); empty is null.</summary>
    public static bool TryParseInt(string? value, out int? result)
    {
        result = null;
        if (!TryParseDecimal(value, out var number))
        {
            return false;
        }

        if (number is null)
        {
            return true;
        }

        if (number != decimal.Truncate(number.Value) || number < int.MinValue || number > int.MaxValue)
        {
            return false;
        }

        result = (int)number.Value;
        return true;
    }

    /// <summary>HubSpot writes several associated ids as "123;456"; the first is the primary.</summary>
    public static string? FirstId(string? value)
    {
        var text = Text(value);
        if (text is null)
        {
            return null;
        }

        var cut = text.IndexOfAny([';', ',']);
        return Text(cut < 0 ? text : text[..cut]);
    }

    /// <summary>Name matching for sectors and countries: case, accents of spacing and punctuation ignored.</summary>
    public static string Key(string value)
    {
        var chars = value.ToLowerInvariant().Where(char.IsLetterOrDigit).ToArray();
        return new string(chars);
    }
}
