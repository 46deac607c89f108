namespace Endorse.Accounts;

/// <summary>A customer's size by head count; prospects want references of their own size.</summary>
public enum SizeBand
{
    Unknown = 0,
    Small = 1,
    MidMarket = 2,
    Large = 3,
    Enterprise = 4,
}

public static class SizeBands
{
    /// <summary>Small under 100 employees, mid-market under 1,000, large under 10,000, enterprise from 10,000.</summary>
    public static SizeBand FromEmployees(int? employees) => employees switch
    {
        null or <= 0 => SizeBand.Unknown,
        < 100 => SizeBand.Small,
        < 1_000 => SizeBand.MidMarket,
        < 10_000 => SizeBand.Large,
        _ => SizeBand.Enterprise,
    };
}
