namespace Endorse.Requests;

/// <summary>
/// The request workflow's rules: which step may follow which for one advocate in a request, and what the
/// request as a whole shows from its participants' states. Plain rules; services apply them in a transaction.
/// </summary>
public static class RequestWorkflow
{
    private static readonly Dictionary<ParticipantStatus, ParticipantStatus[]> Next = new()
    {
        [ParticipantStatus.Proposed] = [ParticipantStatus.AwaitingOwnerApproval, ParticipantStatus.Asked, ParticipantStatus.Cancelled],
        [ParticipantStatus.AwaitingOwnerApproval] = [ParticipantStatus.Asked, ParticipantStatus.OwnerBlocked, ParticipantStatus.Cancelled],
        [ParticipantStatus.OwnerBlocked] = [],
        [ParticipantStatus.Asked] = [ParticipantStatus.Accepted, ParticipantStatus.Declined, ParticipantStatus.Cancelled],
        [ParticipantStatus.Accepted] = [ParticipantStatus.Scheduled, ParticipantStatus.Cancelled],
        [ParticipantStatus.Declined] = [],
        [ParticipantStatus.Scheduled] = [ParticipantStatus.Completed, ParticipantStatus.NoShow, ParticipantStatus.Cancelled],
        [ParticipantStatus.Completed] = [],
        [ParticipantStatus.NoShow] = [],
        [ParticipantStatus.Cancelled] = [],
    };

    public static bool CanMove(ParticipantStatus from, ParticipantStatus to) => Next.TryGetValue(from, out var allowed) && allowed.Contains(to);

    /// <summary>A sentence for a refused move, naming the state and what could follow it.</summary>
    public static string Refusal(ParticipantStatus from, ParticipantStatus to)
    {
        var allowed = Next[from];
        return allowed.Length == 0
            ? $"This approach is {Describe(from)}; it cannot change any more."
            : $"This approach is {Describe(from)}; it cannot become {Describe(to)}. It can become: {string.Join(", ", allowed.Select(Describe))}.";
    }

    /// <summary>States in which the advocate still counts toward the request (not blocked, declined, cancelled or a no-show).</summary>
    public static bool IsLive(ParticipantStatus status) =>
        status is ParticipantStatus.Proposed or ParticipantStatus.AwaitingOwnerApproval or ParticipantStatus.Asked
            or ParticipantStatus.Accepted or ParticipantStatus.Scheduled or ParticipantStatus.Completed;

    /// <summary>
    /// Whether the account owner must approve before the advocate is asked: always, unless the person who picked
    /// the advocate owns the account (or the account has no owner).
    /// </summary>
    public static bool NeedsOwnerApproval(string? accountOwnerId, string pickedById) =>
        accountOwnerId is not null && accountOwnerId != pickedById;

    /// <summary>
    /// The request's status from its participants: cancelled when cancelled as a whole; completed when enough
    /// advocates completed; otherwise the furthest step any live participant reached; declined or no-show when
    /// every approach ended that way; submitted when nobody was picked yet.
    /// </summary>
    public static RequestStatus StatusOf(bool cancelled, int advocatesNeeded, IReadOnlyCollection<ParticipantStatus> participants)
    {
        if (cancelled)
        {
            return RequestStatus.Cancelled;
        }

        if (participants.Count == 0)
        {
            return RequestStatus.Submitted;
        }

        var completed = participants.Count(p => p == ParticipantStatus.Completed);
        if (completed >= Math.Max(1, advocatesNeeded))
        {
            return RequestStatus.Completed;
        }

        var live = participants.Where(p => IsLive(p) && p != ParticipantStatus.Completed).ToList();
        if (live.Count > 0)
        {
            return live.Max(Stage) switch
            {
                4 => RequestStatus.Scheduled,
                3 => RequestStatus.Accepted,
                2 => RequestStatus.AdvocateAsked,
                1 => RequestStatus.AwaitingOwnerApproval,
                _ => RequestStatus.Matched,
            };
        }

        if (completed > 0)
        {
            return RequestStatus.Completed;
        }

        if (participants.Any(p => p == ParticipantStatus.NoShow))
        {
            return RequestStatus.NoShow;
        }

        return participants.Any(p => p == ParticipantStatus.Declined) ? RequestStatus.Declined : RequestStatus.Matched;
    }

    /// <summary>Overdue: still open after its needed-by date. Due soon: open and needed within 72 hours.</summary>
    public static bool IsOverdue(RequestStatus status, DateOnly neededBy, DateOnly today) => IsOpen(status) && neededBy < today;

    public static bool IsDueSoon(RequestStatus status, DateOnly neededBy, DateOnly today) =>
        IsOpen(status) && neededBy >= today && neededBy <= today.AddDays(3);

    public static bool IsOpen(RequestStatus status) =>
        status is not (RequestStatus.Completed or RequestStatus.Cancelled or RequestStatus.NoShow or RequestStatus.Declined);

    public static string Describe(ParticipantStatus status) => status switch
    {
        ParticipantStatus.AwaitingOwnerApproval => "awaiting the account owner's approval",
        ParticipantStatus.OwnerBlocked => "blocked by the account owner",
        ParticipantStatus.NoShow => "a no-show",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>A request's status in words, for the sentences of refusals ("This request is cancelled; …").</summary>
    public static string Describe(RequestStatus status) => status switch
    {
        RequestStatus.AwaitingOwnerApproval => "awaiting the account owner's approval",
        RequestStatus.AdvocateAsked => "waiting for the advocate's answer",
        RequestStatus.NoShow => "a no-show",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static int Stage(ParticipantStatus status) => status switch
    {
        ParticipantStatus.Scheduled => 4,
        ParticipantStatus.Accepted => 3,
        ParticipantStatus.Asked => 2,
        ParticipantStatus.AwaitingOwnerApproval => 1,
        _ => 0,
    };
}
