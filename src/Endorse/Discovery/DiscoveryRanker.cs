using Endorse.Contacts;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Readiness;

namespace Endorse.Discovery;

/// <summary>
/// What discovery looks for: a gap to fill (a product × sector pair, a region, a minimum seniority), an account name
/// prefix, or only executive-program members. Empty criteria rank every candidate.
/// </summary>
public sealed record DiscoveryCriteria
{
    public int? ProductId { get; init; }
    public int? SectorId { get; init; }
    public int? RegionId { get; init; }

    /// <summary>The lowest seniority wanted; <see cref="SeniorityTier.Unknown"/> for any.</summary>
    public SeniorityTier MinimumSeniority { get; init; }

    /// <summary>The start of the account's name (accents and case ignored).</summary>
    public string? Search { get; init; }

    /// <summary>Only members of an executive program.</summary>
    public bool ExecutivesOnly { get; init; }

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Defined(nameof(MinimumSeniority), MinimumSeniority, "Minimum seniority");
        errors.MaxLength(nameof(Search), Search, "Search", 100);
        return errors;
    }
}

/// <summary>A ranked candidate: the contact, their account, and the score.</summary>
public sealed record DiscoveryHit(DiscoveryAccount Account, DiscoveryContact Contact, double Score);

/// <summary>An account left out because a readiness gate blocks it today: its readiness (the gates, the first free day) and how many candidates it holds.</summary>
public sealed record DiscoveryExclusion(DiscoveryAccount Account, ReadinessResult Readiness, int Contacts);

/// <summary>How many accounts a gate kind left out (an account with two gates counts under both).</summary>
public readonly record struct GateCount(GateKind Kind, int Accounts);

/// <summary>
/// A discovery ranking: the best candidates (best first), how many candidates and accounts matched, and the gated accounts
/// left out, counted by reason, with one page of them.
/// </summary>
public sealed record DiscoveryRanking(
    IReadOnlyList<DiscoveryHit> Hits, int CandidateCount, int AccountCount, int ExcludedAccountCount, int ExcludedContactCount,
    IReadOnlyList<GateCount> ExcludedByReason, IReadOnlyList<DiscoveryExclusion> Excluded, DiscoveryProfile Profile, DateOnly Day);

/// <summary>Ranks the candidates of a list of accounts: one pass, account factors once per account, a bounded heap for the best.</summary>
public static class DiscoveryRanker
{
    /// <param name="accounts">Customer accounts with their contacts who are not advocates.</param>
    /// <param name="readiness">The readiness of the account at a position today (null when it may be approached).</param>
    public static DiscoveryRanking Rank(
        IReadOnlyList<DiscoveryAccount> accounts,
        Func<int, ReadinessResult?> readiness,
        DiscoveryProfile profile,
        DiscoveryCriteria criteria,
        DateOnly today,
        int top,
        int excludedOffset = 0,
        int excludedLimit = 50)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(readiness);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(criteria);
        var search = SearchText.Normalize(criteria.Search);
        var heap = new TopHeap(Math.Max(0, top));
        var byKind = new int[GateKinds.All.Count + 1];
        var excluded = new List<DiscoveryExclusion>();
        int candidates = 0, accountCount = 0, excludedAccounts = 0, excludedContacts = 0;

        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            if ((criteria.SectorId is { } sector && a.SectorId != sector)
                || (criteria.RegionId is { } region && a.RegionId != region)
                || (criteria.ProductId is { } product && !a.Owns(product))
                || (search.Length > 0 && !a.NameSearch.StartsWith(search, StringComparison.Ordinal)))
            {
                continue;
            }

            var contacts = 0;
            foreach (var c in a.Contacts)
            {
                if (Wanted(criteria, c))
                {
                    contacts++;
                }
            }

            if (contacts == 0)
            {
                continue;
            }

            if (readiness(i) is { Approachable: false } gated)
            {
                if (excludedAccounts >= excludedOffset && excluded.Count < excludedLimit)
                {
                    excluded.Add(new DiscoveryExclusion(a, gated, contacts));
                }

                excludedAccounts++;
                excludedContacts += contacts;
                var seen = 0;
                foreach (var gate in gated.Blocking)
                {
                    var bit = 1 << (int)gate.Kind;
                    if ((seen & bit) == 0)
                    {
                        byKind[(int)gate.Kind]++;
                        seen |= bit;
                    }
                }

                continue;
            }

            accountCount++;
            var accountPoints = DiscoveryScorer.AccountPoints(profile, a, today);
            for (var j = 0; j < a.Contacts.Length; j++)
            {
                var c = a.Contacts[j];
                if (!Wanted(criteria, c))
                {
                    continue;
                }

                candidates++;
                heap.Offer(accountPoints + DiscoveryScorer.ContactPoints(c), c.ContactId, i);
            }
        }

        var best = heap.SortedBestFirst();
        var hits = new DiscoveryHit[best.Length];
        for (var r = 0; r < best.Length; r++)
        {
            var a = accounts[best[r].Index];
            var contact = Array.Find(a.Contacts, c => c.ContactId == best[r].AdvocateId);
            hits[r] = new DiscoveryHit(a, contact, best[r].Score);
        }

        var counts = new List<GateCount>();
        for (var k = 0; k < byKind.Length; k++)
        {
            if (byKind[k] > 0)
            {
                counts.Add(new GateCount((GateKind)k, byKind[k]));
            }
        }

        counts.Sort(static (x, y) => x.Accounts != y.Accounts ? y.Accounts.CompareTo(x.Accounts) : x.Kind.CompareTo(y.Kind));
        return new DiscoveryRanking(hits, candidates, accountCount, excludedAccounts, excludedContacts, counts, excluded, profile, today);
    }

    private static bool Wanted(DiscoveryCriteria criteria, DiscoveryContact c) =>
        (criteria.MinimumSeniority == SeniorityTier.Unknown || c.Tier >= criteria.MinimumSeniority)
        && (!criteria.ExecutivesOnly || c.ExecutiveProgramId != 0);
}
