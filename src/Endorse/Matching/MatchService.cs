using Endorse.Fatigue;
using Endorse.Listing;

namespace Endorse.Matching;

/// <summary>
/// A ranking request: the criteria, how many of the best to return (1–200), and the page of excluded advocates to
/// describe: where it starts (0-based) and how many (1–200).
/// </summary>
public sealed record RankRequest(MatchCriteria Criteria, int Top = 25, int ExcludedOffset = 0, int ExcludedLimit = MatchService.DefaultExcluded);

/// <summary>A ranked advocate with the factor-by-factor explanation of their score.</summary>
public sealed record RankedAdvocate(
    int Rank, int AdvocateId, string? Name, int AccountId, string? AccountName, double Score, bool AvailableNow, DateOnly? AvailableFrom,
    int RecentActivities, IReadOnlyList<ScoreFactor> Factors);

/// <summary>An advocate left out, with every reason (as codes and as sentences) and the day they are free, if known.</summary>
public sealed record ExcludedAdvocate(int AdvocateId, string? Name, int AccountId, string? AccountName, IReadOnlyList<BlockReasons> Reasons, IReadOnlyList<string> Messages, DateOnly? FreeOn);

/// <summary>How many advocates one reason excluded, with a short label for it.</summary>
public sealed record ExclusionCount(BlockReasons Reason, string Label, int Count);

/// <summary>
/// The ranking: the best advocates, how many were eligible and excluded, the excluded counted by reason, and one page
/// (from <see cref="ExcludedOffset"/>) of the excluded with their reasons.
/// </summary>
public sealed record MatchResponse(int EligibleCount, int ExcludedCount, IReadOnlyList<RankedAdvocate> Results, IReadOnlyList<ExcludedAdvocate> Excluded)
{
    /// <summary>Excluded advocates by reason, most first; one with two reasons counts under both.</summary>
    public IReadOnlyList<ExclusionCount> ExcludedByReason { get; init; } = [];

    /// <summary>The position of the first of <see cref="MatchResponse.Excluded"/> among all excluded (0-based).</summary>
    public int ExcludedOffset { get; init; }

    /// <summary>How many advocates the pool rules hid from the person drawing on the pool, by reason (never who).</summary>
    public IReadOnlyList<HiddenAdvocates> Hidden { get; init; } = [];

    /// <summary>The sum of <see cref="Hidden"/>.</summary>
    public int HiddenCount { get; init; }
}

/// <summary>One advocate's load in the last 12 months.</summary>
public sealed record AdvocateLoadRow(int AdvocateId, string? Name, string? AccountName, int Activities);

/// <summary>The program's health: how the last 12 months' activities spread over the advocates.</summary>
public sealed record ProgramHealth(LoadSpreadResult Spread, IReadOnlyList<AdvocateLoadRow> Busiest);

/// <summary>Ranks advocates for criteria from the <see cref="MatchIndex"/>, and reports the program's load spread.</summary>
public sealed class MatchService(MatchIndex index, TimeProvider time)
{
    public const int MaxTop = 200;
    public const int MaxExcluded = 200;

    /// <summary>Excluded advocates described a page unless asked otherwise (the counts by reason cover the rest).</summary>
    public const int DefaultExcluded = 50;

    private static readonly BlockReasons[] SingleReasons = [.. Enum.GetValues<BlockReasons>().Where(r => r != BlockReasons.None)];

    public MatchIndex Index => index;

    public Task<CommandResult<MatchResponse>> RankAsync(RankRequest request, CancellationToken ct = default) => RankAsync(request, null, ct);

    /// <summary>Ranks for the request, showing only the advocates <paramref name="filter"/> shows (the pool rules; all when null).</summary>
    public async Task<CommandResult<MatchResponse>> RankAsync(RankRequest request, PoolFilter? filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Criteria is null
            ? new ValidationErrors().Add(nameof(RankRequest.Criteria), "Criteria are required.")
            : request.Criteria.Validate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        errors.Range(nameof(RankRequest.Top), request.Top, 1, MaxTop, "Top");
        errors.Range(nameof(RankRequest.ExcludedOffset), request.ExcludedOffset, 0, int.MaxValue, "Excluded offset");
        errors.Range(nameof(RankRequest.ExcludedLimit), request.ExcludedLimit, 1, MaxExcluded, "Excluded limit");
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<MatchResponse>(errors);
        }

        // Languages are compared as ISO 639 codes: "German" and "de" ask for the same advocates.
        var criteria = request.Criteria!.Language is { } language ? request.Criteria with { Language = Formatting.Languages.Code(language) } : request.Criteria!;
        var ranking = await index.RankAsync(criteria, request.Top, filter, ct);
        return CommandResult.Ok(ToResponse(ranking, request.ExcludedOffset, request.ExcludedLimit));
    }

    /// <summary>The API's shape of a ranking, with the page of excluded advocates that starts at <paramref name="excludedOffset"/>.</summary>
    public static MatchResponse ToResponse(MatchRanking ranking, int excludedOffset = 0, int excludedLimit = DefaultExcluded)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentOutOfRangeException.ThrowIfNegative(excludedOffset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(excludedLimit);
        var results = ranking.Results.Select(r => new RankedAdvocate(
            r.Rank, r.Candidate.AdvocateId, r.Candidate.Name, r.Candidate.AccountId, r.Candidate.AccountName, Math.Round(r.Score, 2), r.AvailableNow, r.AvailableFrom,
            r.Candidate.RecentActivities, r.Factors)).ToList();

        // Excluded may be a view that builds each exclusion as it is read: read only the page.
        var page = new List<ExcludedAdvocate>(Math.Clamp(ranking.Excluded.Count - excludedOffset, 0, excludedLimit));
        foreach (var e in ranking.Excluded.Skip(excludedOffset).Take(excludedLimit))
        {
            page.Add(new ExcludedAdvocate(
                e.Candidate.AdvocateId, e.Candidate.Name, e.Candidate.AccountId, e.Candidate.AccountName,
                Array.FindAll(SingleReasons, r => (e.Reasons & r) != 0), e.Describe(), e.Candidate.Fatigue.NextFreeOn));
        }

        return new MatchResponse(ranking.EligibleCount, ranking.Excluded.Count, results, page)
        {
            ExcludedByReason = ranking.ExcludedByReason.Select(c => new ExclusionCount(c.Reason, MatchExclusion.Label(c.Reason), c.Count)).ToList(),
            ExcludedOffset = excludedOffset,
            Hidden = ranking.Hidden.Select(h => new HiddenAdvocates(h.Reason, PoolFiltering.Label(h.Reason), h.Count)).ToList(),
            HiddenCount = ranking.Hidden.Sum(h => h.Count),
        };
    }

    public async Task<ProgramHealth> HealthAsync(int busiest = 20, CancellationToken ct = default)
    {
        var loads = await index.LoadsAsync(ct);
        var spread = LoadSpread.Compute(loads);
        var top = loads.OrderByDescending(l => l.Activities).ThenBy(l => l.AdvocateId).Take(busiest).ToList();
        var names = await index.NamesAsync(top.Select(l => l.AdvocateId), ct);
        var rows = top
            .Select(l => names.TryGetValue(l.AdvocateId, out var n)
                ? new AdvocateLoadRow(l.AdvocateId, n.Name, n.AccountName, l.Activities)
                : new AdvocateLoadRow(l.AdvocateId, null, null, l.Activities))
            .ToList();
        return new ProgramHealth(spread, rows);
    }
}
