using Endorse.Listing;
using Endorse.Matching;

namespace Endorse.Nominations;

/// <summary>Who draws on the whole pool of advocates.</summary>
public enum PoolMode
{
    /// <summary>Everyone draws on every advocate (but another rep's reserved pocket references).</summary>
    OpenPool = 0,

    /// <summary>
    /// Reps who contribute (at least N nominations approved in the last M months) draw on the whole pool; the others only
    /// on advocates of their own accounts and their own pocket references.
    /// </summary>
    ContributorsOnly = 1,
}

/// <summary>The program's pool rules, set in the program settings.</summary>
public sealed record PoolRulesSettings
{
    public static PoolRulesSettings Default { get; } = new();

    public PoolMode Mode { get; init; } = PoolMode.OpenPool;

    /// <summary>Approved nominations that make a rep a contributor (N).</summary>
    public int MinApprovedNominations { get; init; } = 1;

    /// <summary>The months those approvals count for (M).</summary>
    public int WindowMonths { get; init; } = 12;

    /// <summary>How long an approved pocket reference stays reserved for its rep's own deals (0: never reserved).</summary>
    public int PocketReserveDays { get; init; } = 90;

    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        errors.Defined(nameof(Mode), Mode, "Pool mode");
        errors.Range(nameof(MinApprovedNominations), MinApprovedNominations, 1, 1000, "Approved nominations needed");
        errors.Range(nameof(WindowMonths), WindowMonths, 1, 120, "Months counted");
        errors.Range(nameof(PocketReserveDays), PocketReserveDays, 0, 3650, "Days a pocket reference stays reserved");
        return errors;
    }
}

/// <summary>
/// The person drawing on the pool as the rules see them: the reference team sees everything; sales people (reps and
/// sales managers) are subject to the contributors-only rule; everyone but the reserving rep is kept from a reserved
/// pocket reference.
/// </summary>
public sealed record PoolViewer(string? UserId, bool IsReferenceTeam, bool IsSales, int ApprovedNominations)
{
    /// <summary>The accounts the person owns.</summary>
    public IReadOnlySet<int> OwnAccountIds { get; init; } = new HashSet<int>();

    /// <summary>Advocates the person sourced as pocket references (reserved or not).</summary>
    public IReadOnlySet<int> OwnPocketReferences { get; init; } = new HashSet<int>();
}

/// <summary>The pool rules: who may draw on which advocates. Plain rules, no I/O.</summary>
public static class PoolRules
{
    /// <summary>A rep with at least N nominations approved in the last M months contributes.</summary>
    public static bool IsContributor(PoolRulesSettings settings, int approvedInWindow)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return approvedInWindow >= settings.MinApprovedNominations;
    }

    /// <summary>The first instant whose approvals count towards being a contributor.</summary>
    public static DateTimeOffset WindowStart(PoolRulesSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return now.AddMonths(-settings.WindowMonths);
    }

    /// <summary>Whether the contributors-only rule narrows this person's pool.</summary>
    public static bool Narrowed(PoolRulesSettings settings, PoolViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(viewer);
        return settings.Mode == PoolMode.ContributorsOnly && !viewer.IsReferenceTeam && viewer.IsSales && !IsContributor(settings, viewer.ApprovedNominations);
    }

    /// <param name="reservedFor">The rep the advocate is reserved for today, if any.</param>
    public static PoolHiding Hides(PoolRulesSettings settings, PoolViewer viewer, int advocateId, int accountId, string? reservedFor)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsReferenceTeam)
        {
            return PoolHiding.None;
        }

        if (reservedFor is not null)
        {
            return reservedFor == viewer.UserId ? PoolHiding.None : PoolHiding.ReservedForAnotherRep;
        }

        return Narrowed(settings, viewer) && !viewer.OwnAccountIds.Contains(accountId) && !viewer.OwnPocketReferences.Contains(advocateId)
            ? PoolHiding.ContributorsOnly
            : PoolHiding.None;
    }

    /// <summary>The last day an approved nomination keeps its advocate for the nominator: pocket references asked to be reserved, for the configured days.</summary>
    public static DateOnly? ReservedUntil(PoolRulesSettings settings, NominationKind kind, bool reserve, DateOnly approvedOn)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return kind == NominationKind.PocketReference && reserve && settings.PocketReserveDays > 0
            ? approvedOn.AddDays(settings.PocketReserveDays - 1)
            : null;
    }

    /// <summary>One sentence on the person's own pool, for the pages ("You draw on the whole pool.").</summary>
    public static string Describe(PoolRulesSettings settings, PoolViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(viewer);
        if (viewer.IsReferenceTeam)
        {
            return "As the reference team you see every advocate, reserved pocket references included.";
        }

        if (!Narrowed(settings, viewer))
        {
            return settings.Mode == PoolMode.ContributorsOnly && viewer.IsSales
                ? $"You contribute ({Approvals(viewer.ApprovedNominations)} in the last {Months(settings.WindowMonths)}), so you draw on the whole pool, except pocket references other reps keep for their deals."
                : "You draw on the whole pool, except pocket references other reps keep for their deals.";
        }

        var missing = settings.MinApprovedNominations - viewer.ApprovedNominations;
        return $"The pool is open to contributors: {Approvals(settings.MinApprovedNominations)} in the last {Months(settings.WindowMonths)}. " +
            $"You have {viewer.ApprovedNominations}, so you draw on your own accounts' advocates and your pocket references; " +
            $"{missing} more approved {(missing == 1 ? "nomination opens" : "nominations open")} the whole pool.";
    }

    private static string Approvals(int count) => count == 1 ? "1 approved nomination" : $"{count} approved nominations";

    private static string Months(int months) => months == 1 ? "month" : $"{months} months";
}
