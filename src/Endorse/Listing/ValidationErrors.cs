namespace Endorse.Listing;

/// <summary>
/// Field-by-field validation messages, collected by a feature's validator and turned into RFC 9457
/// problem details by the API and into field messages by the pages.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsValid => errors.Count == 0;

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public ValidationErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    public ValidationErrors Required(string field, string? value, string label, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"{label} is required.");
        }

        return MaxLength(field, value, label, maxLength);
    }

    public ValidationErrors MaxLength(string field, string? value, string label, int maxLength) =>
        value is not null && value.Length > maxLength ? Add(field, $"{label} must be at most {maxLength} characters.") : this;

    public ValidationErrors Email(string field, string? value, string label = "E-mail")
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return this;
        }

        MaxLength(field, value, label, 254);
        return System.Net.Mail.MailAddress.TryCreate(value, out var parsed) && parsed.Address == value.Trim()
            ? this
            : Add(field, $"{label} is not a valid e-mail address.");
    }

    public ValidationErrors Range(string field, int? value, int min, int max, string label) =>
        value is not null && (value < min || value > max) ? Add(field, $"{label} must be between {min} and {max}.") : this;

    public ValidationErrors Defined<TEnum>(string field, TEnum value, string label)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? this
            : Add(field, $"{label} must be one of: {string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"{n} ({Formatting.Words.Phrase(typeof(TEnum), n)})"))}.");
}

/// <summary>The result of a command: done with a value, invalid with field messages, not found, forbidden, or stale.</summary>
public sealed record CommandResult<T>(T? Value, ValidationErrors? Errors, bool NotFound = false, bool Forbidden = false, bool Conflict = false)
{
    public bool Succeeded => Errors is null && !NotFound && !Forbidden && !Conflict;

    /// <summary>With <see cref="Conflict"/>: why the change is not possible now, in a sentence (otherwise "changed by someone else").</summary>
    public string? ConflictReason { get; init; }
}

/// <summary>Shorthands for building a <see cref="CommandResult{T}"/>.</summary>
public static class CommandResult
{
    public static CommandResult<T> Ok<T>(T value) => new(value, null);
    public static CommandResult<T> Invalid<T>(ValidationErrors errors) => new(default, errors);
    public static CommandResult<T> Missing<T>() => new(default, null, NotFound: true);
    public static CommandResult<T> Denied<T>() => new(default, null, Forbidden: true);

    /// <summary>Someone else saved the record since it was read.</summary>
    public static CommandResult<T> Stale<T>() => new(default, null, Conflict: true);

    /// <summary>The change is not possible in the record's present state; <paramref name="reason"/> says why (a 409).</summary>
    public static CommandResult<T> Refused<T>(string reason) => new(default, null, Conflict: true) { ConflictReason = reason };
}
