using Endorse.Fatigue;
using Endorse.Listing;

namespace Endorse.Matching;

/// <summary>A ranking request: the criteria and how many of the best to return (1–200).</summary>
public sealed record RankRequest(MatchCriteria Criteria, int Top = 25);

/// <summary>A ranked advocate with the factor-by-factor explanation of their score.</summary>
public sealed record RankedAdvocate(
    int Rank, int AdvocateId, string? Name, int AccountId, string? AccountName, double Score, bool AvailableNow, DateOnly? AvailableFrom,
    int RecentActivities, IReadOnlyList<ScoreFactor> Factors);

/// <summary>An advocate left out, with every reason (as codes and as sentences) and the day they are free, if known.</summary>
public sealed record ExcludedAdvocate(int AdvocateId, string? Name, int AccountId, string? AccountName, IReadOnlyList<BlockReasons> Reasons, IReadOnlyList<string> Messages, DateOnly? FreeOn);

/// <summary>The ranking: the best advocates, how many were eligible and excluded, and the first <see cref="MatchService.MaxExcluded"/> excluded.</summary>
public sealed record MatchResponse(int EligibleCount, int ExcludedCount, IReadOnlyList<RankedAdvocate> Results, IReadOnlyList<ExcludedAdvocate> Excluded);

/// <summary>One advocate's load in the last 12 months.</summary>
public sealed record AdvocateLoadRow(int AdvocateId, string? Name, string? AccountName, int Activities);

/// <summary>The program's health: how the last 12 months' activities spread over the advocates.</summary>
public sealed record ProgramHealth(LoadSpreadResult Spread, IReadOnlyList<AdvocateLoadRow> Busiest);

/// <summary>Ranks advocates for criteria from the <see cref="MatchIndex"/>, and reports the program's load spread.</summary>
public sealed class MatchService(MatchIndex index, TimeProvider time)
{
    public const int MaxTop = 200;
    public const int MaxExcluded = 200;

    public MatchIndex Index => index;

    public async Task<CommandResult<MatchResponse>> RankAsync(RankRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Criteria is null
            ? new ValidationErrors().Add(nameof(RankRequest.Criteria), "Criteria are required.")
            : request.Criteria.Validate(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        errors.Range(nameof(RankRequest.Top), request.Top, 1, MaxTop, "Top");
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<MatchResponse>(errors);
        }

        var ranking = await index.RankAsync(request.Criteria!, request.Top, ct);
        return CommandResult.Ok(ToResponse(ranking));
    }

    public static MatchResponse ToResponse(MatchRanking ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        var results = ranking.Results.Select(r => new RankedAdvocate(
            r.Rank, r.Candidate.AdvocateId, r.Candidate.Name, r.Candidate.AccountId, r.Candidate.AccountName, Math.Round(r.Score, 2), r.AvailableNow, r.AvailableFrom,
            r.Candidate.RecentActivities, r.Factors)).ToList();
        var excluded = ranking.Excluded.Take(MaxExcluded).Select(e => new ExcludedAdvocate(
            e.Candidate.AdvocateId, e.Candidate.Name, e.Candidate.AccountId, e.Candidate.AccountName,
            Enum.GetValues<BlockReasons>().Where(r => r != BlockReasons.None && e.Reasons.HasFlag(r)).ToList(),
            e.Describe(), e.Candidate.Fatigue.NextFreeOn)).ToList();
        return new MatchResponse(ranking.EligibleCount, ranking.Excluded.Count, results, excluded);
    }

    public async Task<ProgramHealth> HealthAsync(int busiest = 20, CancellationToken ct = default)
    {
        var loads = await index.LoadsAsync(ct);
        var spread = LoadSpread.Compute(loads);
        var names = await index.NamesAsync(ct);
        var rows = loads.OrderByDescending(l => l.Activities).ThenBy(l => l.AdvocateId).Take(busiest)
            .Select(l => names.TryGetValue(l.AdvocateId, out var n)
                ? new AdvocateLoadRow(l.AdvocateId, n.Name, n.AccountName, l.Activities)
                : new AdvocateLoadRow(l.AdvocateId, null, null, l.Activities))
            .ToList();
        return new ProgramHealth(spread, rows);
    }
}
