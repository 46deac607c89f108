using System.Globalization;
using System.Runtime.CompilerServices;
using Endorse.Contacts;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Outcomes;
using Endorse.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Discovery;

/// <summary>A discovery request: the criteria, the page of candidates and the page of gated accounts to describe.</summary>
public sealed record DiscoveryRequest(DiscoveryCriteria Criteria, int Page = 1, int PageSize = 25, int ExcludedOffset = 0, int ExcludedLimit = 50);

/// <summary>A candidate advocate: the contact, their account, the score with every factor explained, and the link that starts their nomination.</summary>
public sealed record DiscoveredCandidate(
    int Rank, int ContactId, string Name, string? Title, SeniorityTier SeniorityTier, int AccountId, string AccountName, double Score,
    IReadOnlyList<DiscoveryScoreFactor> Factors, string Reason, string NominateUrl);

/// <summary>An account left out by a readiness gate: each gate as a sentence, and the first day it may be approached (null: not by itself).</summary>
public sealed record DiscoveredExclusion(int AccountId, string AccountName, int Candidates, IReadOnlyList<GateKind> Reasons, IReadOnlyList<string> Sentences, DateOnly? FreeOn);

/// <summary>How many accounts one gate kind left out.</summary>
public sealed record DiscoveryGateCount(GateKind Kind, string Label, int Accounts);

/// <summary>What a good candidate looks like: the profile's size and its most common sectors and products.</summary>
public sealed record DiscoveryProfileSummary(int Accounts, int FromBestUsedAdvocates, int FromWishList, IReadOnlyList<string> TopSectors, IReadOnlyList<string> TopProducts);

/// <summary>One page of the ranking, the gated accounts counted by reason and a page of them, and the profile it compares with.</summary>
public sealed record DiscoveryResponse(
    int CandidateCount, int AccountCount, int Page, int PageSize, IReadOnlyList<DiscoveredCandidate> Candidates,
    int ExcludedAccountCount, int ExcludedCandidateCount, IReadOnlyList<DiscoveryGateCount> ExcludedByReason, int ExcludedOffset,
    IReadOnlyList<DiscoveredExclusion> Excluded, DiscoveryProfileSummary Profile);

/// <summary>A discovered candidate as a CSV line.</summary>
public sealed record DiscoveryCsvRow(int Rank, int ContactId, string Name, string? Title, string Seniority, int AccountId, string AccountName, string Score, string Reason, string NominateUrl);

/// <summary>Candidate discovery: customer contacts who are not advocates, ranked by how much they look like a good reference, each score explained.</summary>
public sealed class DiscoveryService(EndorseDbContext db, DiscoveryIndex index)
{
    public const int MaxPageSize = 200;
    public const int MaxExcluded = 200;

    /// <summary>The CSV export holds at most this many candidates (the best).</summary>
    public const int MaxExport = 5_000;

    /// <summary>The nominations page the link opens (built on another feature: it reads the contact and the reason).</summary>
    public static string NominateUrl(int contactId, string reason) =>
        $"/nominations/new?contactId={contactId.ToString(CultureInfo.InvariantCulture)}&reason={Uri.EscapeDataString(reason)}";

    public async Task<Outcome<DiscoveryResponse>> RankAsync(DiscoveryRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Criteria?.Validate() ?? new ValidationErrors().Add("criteria", "Criteria are required.");
        errors.Range("page", request.Page, 1, 10_000, "Page");
        errors.Range("pageSize", request.PageSize, 1, MaxPageSize, "Page size");
        errors.Range("excludedOffset", request.ExcludedOffset, 0, int.MaxValue, "Excluded offset");
        errors.Range("excludedLimit", request.ExcludedLimit, 1, MaxExcluded, "Excluded limit");
        if (!errors.IsValid)
        {
            return Outcome.Invalid<DiscoveryResponse>(errors);
        }

        var skip = (request.Page - 1) * request.PageSize;
        var (ranking, programs) = await index.RankAsync(request.Criteria!, skip + request.PageSize, request.ExcludedOffset, request.ExcludedLimit, ct);
        var names = await DiscoveryLoader.NamesAsync(db, programs, ct);
        var candidates = await CandidatesAsync(ranking, skip, request.PageSize, names, ct);
        var excluded = ranking.Excluded.Select(e => new DiscoveredExclusion(
            e.Account.AccountId, e.Account.Name, e.Contacts, [.. e.Readiness.Blocking.Select(g => g.Kind)], [.. e.Readiness.Blocking.Select(g => g.Sentence)], e.Readiness.FreeOn)).ToList();
        var profile = ranking.Profile;
        return Outcome.Ok(new DiscoveryResponse(
            ranking.CandidateCount, ranking.AccountCount, request.Page, request.PageSize, candidates,
            ranking.ExcludedAccountCount, ranking.ExcludedContactCount,
            [.. ranking.ExcludedByReason.Select(c => new DiscoveryGateCount(c.Kind, GateKinds.Label(c.Kind), c.Accounts))],
            request.ExcludedOffset, excluded,
            new DiscoveryProfileSummary(
                profile.Count, profile.AdvocateAccounts, profile.WishAccounts,
                [.. profile.TopSectors(3).Select(s => $"{names.Sector(s.Id)} ({s.Count})")],
                [.. profile.TopProducts(3).Select(p => $"{names.Product(p.Id)} ({p.Count})")])));
    }

    /// <summary>The best candidates for the criteria as CSV lines (at most <see cref="MaxExport"/>), with absolute nominate links.</summary>
    public async IAsyncEnumerable<DiscoveryCsvRow> ExportAsync(DiscoveryCriteria criteria, string? baseUrl, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var (ranking, programs) = await index.RankAsync(criteria, MaxExport, 0, 1, ct);
        var names = await DiscoveryLoader.NamesAsync(db, programs, ct);
        const int Batch = 500;
        for (var skip = 0; skip < ranking.Hits.Count; skip += Batch)
        {
            foreach (var c in await CandidatesAsync(ranking, skip, Batch, names, ct))
            {
                yield return new DiscoveryCsvRow(
                    c.Rank, c.ContactId, c.Name, c.Title, Tier(c.SeniorityTier), c.AccountId, c.AccountName, c.Score.ToString("0.00", CultureInfo.InvariantCulture), c.Reason,
                    string.IsNullOrEmpty(baseUrl) ? c.NominateUrl : baseUrl.TrimEnd('/') + c.NominateUrl);
            }
        }
    }

    private async Task<List<DiscoveredCandidate>> CandidatesAsync(DiscoveryRanking ranking, int skip, int take, DiscoveryNames names, CancellationToken ct)
    {
        var page = ranking.Hits.Skip(skip).Take(take).ToList();
        var ids = page.Select(h => h.Contact.ContactId).ToList();
        var people = await db.Contacts.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var list = new List<DiscoveredCandidate>(page.Count);
        for (var i = 0; i < page.Count; i++)
        {
            var hit = page[i];
            if (!people.TryGetValue(hit.Contact.ContactId, out var person))
            {
                // Deleted since the index loaded: leave it out and have its account read again.
                index.Invalidate(hit.Account.AccountId);
                continue;
            }

            var factors = DiscoveryScorer.Explain(ranking.Profile, hit.Account, hit.Contact, ranking.Day, names);
            var name = string.IsNullOrWhiteSpace(person.FirstName) ? person.LastName : $"{person.FirstName} {person.LastName}";
            var reason = Reason(hit.Score, factors);
            list.Add(new DiscoveredCandidate(
                skip + i + 1, hit.Contact.ContactId, name, person.Title, hit.Contact.Tier, hit.Account.AccountId, hit.Account.Name, Math.Round(hit.Score, 2),
                factors, reason, NominateUrl(hit.Contact.ContactId, reason)));
        }

        return list;
    }

    /// <summary>The nomination's "why": the score and the three factors that earned the most.</summary>
    public static string Reason(double score, IReadOnlyList<DiscoveryScoreFactor> factors)
    {
        ArgumentNullException.ThrowIfNull(factors);
        var best = factors.Where(f => f.Points > 0).OrderByDescending(f => f.Points).ThenBy(f => f.Factor).Take(3).Select(f => f.Explanation);
        return $"Found by candidate discovery (score {score.ToString("0.0", CultureInfo.InvariantCulture)} of 100): {string.Join(" ", best)}";
    }

    private static string Tier(SeniorityTier tier) => tier switch
    {
        SeniorityTier.CLevel => "C-level",
        SeniorityTier.VicePresident => "VP",
        SeniorityTier.Unknown => "Unknown",
        _ => tier.ToString(),
    };
}
