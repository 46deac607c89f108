using Endorse.Listing;

namespace Endorse.Outcomes;

/// <summary>
/// The result of a command of the wish list, readiness, onboarding, executive-program and hygiene features: done with a
/// value; invalid input (field messages, 400); not found (404); not allowed (403); or refused with a sentence that says
/// why (409: an already-lifted gate, a wish for an account that is already a reference, someone else's change).
/// </summary>
public sealed record Outcome<T>(T? Value, ValidationErrors? Errors = null, bool NotFound = false, bool Forbidden = false, string? Conflict = null)
{
    public bool Succeeded => Errors is null && !NotFound && !Forbidden && Conflict is null;

    /// <summary>The failure in one sentence, for a page.</summary>
    public string? Problem => Errors is { } errors ? string.Join(" ", errors.ToDictionary().SelectMany(e => e.Value))
        : NotFound ? "It no longer exists."
        : Forbidden ? "You may not do this."
        : Conflict;
}

public static class Outcome
{
    public static Outcome<T> Ok<T>(T value) => new(value);

    public static Outcome<T> Invalid<T>(ValidationErrors errors) => new(default, errors);

    public static Outcome<T> Invalid<T>(string field, string message) => new(default, new ValidationErrors().Add(field, message));

    public static Outcome<T> Missing<T>() => new(default, NotFound: true);

    public static Outcome<T> Denied<T>() => new(default, Forbidden: true);

    public static Outcome<T> Refused<T>(string why) => new(default, Conflict: why);

    /// <summary>The answer when a concurrent save changed the row first.</summary>
    public static Outcome<T> Stale<T>(string what) => new(default, Conflict: $"Someone else changed this {what} a moment ago. Reload it and try again.");
}

/// <summary>Who is acting: user id, display name and roles.</summary>
public sealed record Actor(string? UserId, string? Name, IReadOnlyCollection<string> Roles)
{
    /// <summary>Runs the program: reference managers and administrators.</summary>
    public bool IsReferenceManager => Roles.Contains(Users.Roles.ReferenceManager) || Roles.Contains(Users.Roles.Administrator);

    public bool IsIn(params string[] roles) => roles.Any(Roles.Contains);

    public Accounts.CustomerActor Customer => new(UserId, Roles);

    public static Actor System { get; } = new(null, "Endorse", [Users.Roles.Administrator]);
}
