using System.Globalization;
using Endorse.Accounts;
using Endorse.Contacts;
using Endorse.ExecutivePrograms;

namespace Endorse.Discovery;

/// <summary>The factors of a discovery score.</summary>
public enum DiscoveryFactor
{
    // Resemblance to the profile (the best-used advocates' accounts and the wish list).
    Sector = 0,
    Products = 1,
    Size = 2,
    Region = 3,

    // Longstanding, satisfied, senior.
    Tenure = 4,
    Satisfaction = 5,
    Seniority = 6,
    ExecutiveProgram = 7,
    OnboardedHappily = 8,
    WishList = 9,
}

/// <summary>One factor of a candidate's score: its value (0–1), the points it earned and could earn, and why.</summary>
public sealed record DiscoveryScoreFactor(DiscoveryFactor Factor, double Value, double Points, double MaxPoints, string Explanation);

/// <summary>
/// The points of each factor (they add up to 100). Tenure and satisfaction weigh most: longstanding satisfied customers
/// make better references than new logos still in their implementation.
/// </summary>
public static class DiscoveryWeights
{
    public const int FactorCount = 10;

    public static IReadOnlyList<double> Points { get; } = [12, 12, 7, 6, 16, 16, 12, 9, 5, 5];

    public static double Of(DiscoveryFactor factor) => Points[(int)factor];
}

/// <summary>
/// Scores a contact as a candidate advocate, factor by factor, and says why each factor earned what it did (as the request
/// ranking does). Pure: the day, the profile and the facts come in.
/// </summary>
public static class DiscoveryScorer
{
    /// <summary>Tenure earns full marks from this many years as a customer.</summary>
    public const double FullTenureYears = 5;

    /// <summary>The points from the account's own factors (everything but seniority and executive programs), summed in factor order.</summary>
    public static double AccountPoints(DiscoveryProfile profile, DiscoveryAccount a, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(a);
        return (SectorValue(profile, a) * DiscoveryWeights.Of(DiscoveryFactor.Sector))
            + (ProductValue(profile, a).Value * DiscoveryWeights.Of(DiscoveryFactor.Products))
            + (SizeValue(profile, a) * DiscoveryWeights.Of(DiscoveryFactor.Size))
            + (RegionValue(profile, a) * DiscoveryWeights.Of(DiscoveryFactor.Region))
            + (TenureValue(a, today) * DiscoveryWeights.Of(DiscoveryFactor.Tenure))
            + (SatisfactionValue(a) * DiscoveryWeights.Of(DiscoveryFactor.Satisfaction))
            + ((a.OnboardedHappilyOn is null ? 0 : 1) * DiscoveryWeights.Of(DiscoveryFactor.OnboardedHappily))
            + ((a.Wish is null ? 0 : 1) * DiscoveryWeights.Of(DiscoveryFactor.WishList));
    }

    /// <summary>The points from the contact's own factors.</summary>
    public static double ContactPoints(DiscoveryContact c) =>
        (SeniorityValue(c.Tier) * DiscoveryWeights.Of(DiscoveryFactor.Seniority))
        + ((c.ExecutiveProgramId == 0 ? 0 : 1) * DiscoveryWeights.Of(DiscoveryFactor.ExecutiveProgram));

    /// <summary>The score: the account's points, then the contact's (every ranking sums alike, so ties break alike).</summary>
    public static double Score(DiscoveryProfile profile, DiscoveryAccount a, DiscoveryContact c, DateOnly today) => AccountPoints(profile, a, today) + ContactPoints(c);

    /// <summary>Each factor with its value, points and sentence.</summary>
    public static IReadOnlyList<DiscoveryScoreFactor> Explain(DiscoveryProfile profile, DiscoveryAccount a, DiscoveryContact c, DateOnly today, DiscoveryNames names)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(names);
        var product = ProductValue(profile, a);
        var program = c.ExecutiveProgramId != 0 && names.Programs.TryGetValue(c.ExecutiveProgramId, out var p) ? p : null;
        return
        [
            Factor(DiscoveryFactor.Sector, SectorValue(profile, a), SectorSentence(profile, a, names)),
            Factor(DiscoveryFactor.Products, product.Value, ProductSentence(profile, a, product.ProductId, names)),
            Factor(DiscoveryFactor.Size, SizeValue(profile, a), SizeSentence(profile, a)),
            Factor(DiscoveryFactor.Region, RegionValue(profile, a), RegionSentence(profile, a, names)),
            Factor(DiscoveryFactor.Tenure, TenureValue(a, today), a.CustomerSince is { } since
                ? $"Customer for {Years(since, today).ToString("0.0", CultureInfo.InvariantCulture)} years, since {Date(since)} (full marks from {FullTenureYears:0})."
                : "Customer-since date unknown."),
            Factor(DiscoveryFactor.Satisfaction, SatisfactionValue(a), a.SatisfactionScore is { } score && a.SatisfactionKind != SatisfactionKind.None
                ? a.SatisfactionKind == SatisfactionKind.Csat ? $"CSAT {score}%." : $"NPS {score}."
                : "Satisfaction not measured (counted as neutral)."),
            Factor(DiscoveryFactor.Seniority, SeniorityValue(c.Tier), c.Tier switch
            {
                SeniorityTier.Unknown => "Seniority unknown.",
                SeniorityTier.CLevel => "C-level: the most senior voice.",
                _ => $"{Tier(c.Tier)}.",
            }),
            Factor(DiscoveryFactor.ExecutiveProgram, c.ExecutiveProgramId == 0 ? 0 : 1, program is not null
                ? $"Member of the {program.Name} ({Kind(program.Kind)} program)."
                : c.ExecutiveProgramId != 0 ? "Member of an executive program." : "Not in an executive program."),
            Factor(DiscoveryFactor.OnboardedHappily, a.OnboardedHappilyOn is null ? 0 : 1, a.OnboardedHappilyOn is { } happy
                ? $"Onboarded happily: the go-live check-in on {Date(happy)} found the customer happy."
                : "No happy go-live check-in on record."),
            Factor(DiscoveryFactor.WishList, a.Wish is null ? 0 : 1, a.Wish is { } wish
                ? $"On the wish list: {wish.WisherName ?? "sales"} wished for it ({wish.DealOrSegment})."
                : "Not on the wish list."),
        ];
    }

    internal static double SectorValue(DiscoveryProfile profile, DiscoveryAccount a) =>
        profile.Count == 0 ? 0.5 : a.SectorId is null || profile.MaxSector == 0 ? 0 : profile.Sector(a.SectorId) / (double)profile.MaxSector;

    internal static double RegionValue(DiscoveryProfile profile, DiscoveryAccount a) =>
        profile.Count == 0 ? 0.5 : a.RegionId is null || profile.MaxRegion == 0 ? 0 : profile.Region(a.RegionId) / (double)profile.MaxRegion;

    internal static double SizeValue(DiscoveryProfile profile, DiscoveryAccount a) =>
        profile.Count == 0 ? 0.5 : profile.MaxSize == 0 ? 0 : profile.Size(a.SizeBand) / (double)profile.MaxSize;

    /// <summary>The owned product most common in the profile, and its share against the most common product.</summary>
    internal static (double Value, int ProductId) ProductValue(DiscoveryProfile profile, DiscoveryAccount a)
    {
        if (profile.Count == 0)
        {
            return (0.5, 0);
        }

        var best = 0;
        var bestId = 0;
        foreach (var id in a.ProductIds)
        {
            var count = profile.Product(id);
            if (count > best)
            {
                best = count;
                bestId = id;
            }
        }

        return (profile.MaxProduct == 0 ? 0 : best / (double)profile.MaxProduct, bestId);
    }

    internal static double TenureValue(DiscoveryAccount a, DateOnly today) =>
        a.CustomerSince is { } since ? Math.Clamp(Years(since, today) / FullTenureYears, 0, 1) : 0;

    internal static double SatisfactionValue(DiscoveryAccount a) => (a.SatisfactionKind, a.SatisfactionScore) switch
    {
        (SatisfactionKind.Nps, { } nps) => Math.Clamp((nps + 100) / 200.0, 0, 1),
        (SatisfactionKind.Csat, { } csat) => Math.Clamp(csat / 100.0, 0, 1),
        _ => 0.5,
    };

    internal static double SeniorityValue(SeniorityTier tier) => Math.Clamp((int)tier / (double)(int)SeniorityTier.CLevel, 0, 1);

    private static DiscoveryScoreFactor Factor(DiscoveryFactor factor, double value, string sentence)
    {
        var max = DiscoveryWeights.Of(factor);
        return new DiscoveryScoreFactor(factor, value, value * max, max, sentence);
    }

    private const string NoProfile = "No best-used advocates or wishes to compare with yet (counted as neutral).";

    private static string SectorSentence(DiscoveryProfile profile, DiscoveryAccount a, DiscoveryNames names) =>
        profile.Count == 0 ? NoProfile
        : a.SectorId is not { } id ? "Sector unknown."
        : $"{names.Sector(id)}: {Share(profile.Sector(id), profile)} (the most common sector has {profile.MaxSector}).";

    private static string RegionSentence(DiscoveryProfile profile, DiscoveryAccount a, DiscoveryNames names) =>
        profile.Count == 0 ? NoProfile
        : a.RegionId is not { } id ? "Region unknown."
        : $"{names.Region(id)}: {Share(profile.Region(id), profile)} (the most common region has {profile.MaxRegion}).";

    private static string SizeSentence(DiscoveryProfile profile, DiscoveryAccount a) =>
        profile.Count == 0 ? NoProfile
        : a.SizeBand == SizeBand.Unknown ? "Size unknown."
        : $"{SizeName(a.SizeBand)}: {Share(profile.Size(a.SizeBand), profile)} (the most common size has {profile.MaxSize}).";

    private static string ProductSentence(DiscoveryProfile profile, DiscoveryAccount a, int productId, DiscoveryNames names) =>
        profile.Count == 0 ? NoProfile
        : a.ProductIds.Length == 0 ? "No products recorded."
        : productId == 0 ? "Owns none of the products the profile accounts own."
        : $"Owns {names.Product(productId)}, like {profile.Product(productId)} of the {profile.Count} profile accounts (the most common product: {profile.MaxProduct}).";

    private static string Share(int count, DiscoveryProfile profile) => $"{count} of the {profile.Count} profile accounts";

    private static string SizeName(SizeBand band) => band switch
    {
        SizeBand.Small => "Small",
        SizeBand.MidMarket => "Mid-market",
        SizeBand.Large => "Large",
        SizeBand.Enterprise => "Enterprise",
        _ => "Unknown size",
    };

    private static string Tier(SeniorityTier tier) => tier switch
    {
        SeniorityTier.VicePresident => "VP",
        _ => tier.ToString(),
    };

    private static string Kind(ExecutiveProgramKind kind) => kind.ToString().ToLowerInvariant();

    private static double Years(DateOnly since, DateOnly today) => (today.DayNumber - since.DayNumber) / 365.25;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
