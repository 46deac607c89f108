using Endorse.Accounts;
using Endorse.Fatigue;

namespace Endorse.Readiness;

/// <summary>
/// The readiness gates of an account: the one rule set that decides whether an account may be approached on a day,
/// why not and until when. Matching (through <see cref="FatigueCheck"/>), candidate discovery, the account and advocate
/// pages and nominations all call it, so they obey the same gates with the same sentences. Pure: no clock, no I/O; the
/// thresholds come from the program's <see cref="FatiguePolicy"/>.
/// </summary>
public static class ReadinessRules
{
    private static readonly Gate[] None = [];

    /// <summary>
    /// Every gate that stands in the way on <paramref name="date"/> or later: those that block that day and those set to
    /// start later (a reorganisation announced for next month), in a fixed order. Gates that ended before the day are left out.
    /// </summary>
    public static IReadOnlyList<Gate> Gates(FatiguePolicy policy, AccountState account, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(account);
        List<Gate>? gates = null;

        if (policy.RestOnOpenEscalation && account.OpenEscalations > 0)
        {
            (gates ??= []).Add(new Gate(GateKind.OpenEscalation) { Count = account.OpenEscalations });
        }

        if (account.SatisfactionScore is { } score)
        {
            var threshold = account.SatisfactionKind switch
            {
                SatisfactionKind.Nps => policy.MinimumNps,
                SatisfactionKind.Csat => policy.MinimumCsat,
                _ => null,
            };
            if (threshold is { } min && score < min)
            {
                (gates ??= []).Add(new Gate(GateKind.LowSatisfaction) { Score = score, Limit = min, SatisfactionKind = account.SatisfactionKind });
            }
        }

        if (account.DisclosurePermission == DisclosurePermission.NoPublicity && policy.RestOnNoPublicity)
        {
            (gates ??= []).Add(new Gate(GateKind.NoPublicity));
        }

        if (policy.BigBidAmount is { } bigBid && account.LargestOpenBid is { } bid && bid.Amount >= bigBid)
        {
            // An open bid gates until its expected close; one still open after it (or with no close date) until it closes.
            (gates ??= []).Add(new Gate(GateKind.BigBid)
            {
                Until = bid.CloseOn is { } close && close >= date ? close : null,
                OpportunityId = bid.OpportunityId,
                OpportunityName = bid.Name,
                Amount = bid.Amount,
                Currency = bid.Currency,
                Threshold = bigBid,
                CloseOn = bid.CloseOn,
            });
        }

        if (policy.RenewalQuietDays is { } quiet && account.RenewalOn is { } renewal && renewal >= date)
        {
            (gates ??= []).Add(new Gate(GateKind.RenewalSoon) { From = renewal.AddDays(-quiet), Until = renewal, RenewalOn = renewal, Days = quiet });
        }

        for (var i = 0; i < account.Gates.Count; i++)
        {
            var set = account.Gates[i];
            if (set.EndsOn >= date && set.EndsOn >= set.StartsOn)
            {
                (gates ??= []).Add(new Gate(set.Kind) { From = set.StartsOn, Until = set.EndsOn, Reason = set.Reason, GateId = set.Id });
            }
        }

        return gates is null ? None : gates;
    }

    /// <summary>Whether the account may be approached on <paramref name="date"/>; if not, every gate that blocks and the first free day.</summary>
    public static ReadinessResult Evaluate(FatiguePolicy policy, AccountState account, DateOnly date)
    {
        var gates = Gates(policy, account, date);
        if (gates.Count == 0)
        {
            return new ReadinessResult(date, None, None, date);
        }

        var blocking = new List<Gate>();
        var upcoming = new List<Gate>();
        foreach (var gate in gates)
        {
            (gate.Blocks(date) ? blocking : upcoming).Add(gate);
        }

        return new ReadinessResult(date, blocking, upcoming, FirstFree(gates, date));
    }

    /// <summary>
    /// The first day from <paramref name="date"/> on that no gate blocks; null while a gate without an end blocks that
    /// day. Gates only stop blocking the day after their end, so those days are the candidates.
    /// </summary>
    public static DateOnly? FirstFree(IReadOnlyList<Gate> gates, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var candidate = date;
        for (var guard = 0; guard <= gates.Count; guard++)
        {
            Gate? blocker = null;
            foreach (var gate in gates)
            {
                if (gate.Blocks(candidate))
                {
                    blocker = gate;
                    if (gate.FreeOn is null)
                    {
                        return null;
                    }
                }
            }

            if (blocker is null)
            {
                return candidate;
            }

            // Jump to the latest end among the gates blocking this day.
            var next = candidate;
            foreach (var gate in gates)
            {
                if (gate.Blocks(candidate) && gate.FreeOn is { } free && free > next)
                {
                    next = free;
                }
            }

            candidate = next;
        }

        return candidate;
    }
}

/// <summary>
/// Whether an account may be approached on <see cref="On"/>: the gates that block that day, those set to start later, and the
/// first day it may be approached (null: a gate without an end, such as an open escalation, blocks).
/// </summary>
public sealed record ReadinessResult(DateOnly On, IReadOnlyList<Gate> Blocking, IReadOnlyList<Gate> Upcoming, DateOnly? FreeOn)
{
    public bool Approachable => Blocking.Count == 0;

    public IEnumerable<string> Sentences => Blocking.Select(g => g.Sentence);
}
