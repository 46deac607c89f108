namespace Endorse.Listing;

/// <summary>
/// The dates Endorse accepts from outside (a form, an API body, an imported file): 1900-01-01 to 2199-12-31. Every real
/// date of a reference program lies in it, and a date at the edge of the calendar (0001-01-01, 9999-12-31) would make
/// the date arithmetic of the fatigue rules and the rankings overflow.
/// </summary>
public static class InputDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool InRange(DateTimeOffset instant) => InRange(DateOnly.FromDateTime(instant.UtcDateTime));

    /// <summary>The sentence for a date out of range.</summary>
    public static string Refusal => $"must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.";
}
