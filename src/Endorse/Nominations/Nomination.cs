using Endorse.Audit;
using Endorse.Contacts;

namespace Endorse.Nominations;

/// <summary>What the nominator says the contact is.</summary>
public enum NominationKind
{
    /// <summary>A satisfied customer nobody has asked yet.</summary>
    HappyCustomer = 0,

    /// <summary>A reference the rep has been using privately, now brought into the program.</summary>
    PocketReference = 1,
}

/// <summary>Where a nomination stands. The first three are open: the same contact cannot be nominated again meanwhile.</summary>
public enum NominationStatus
{
    /// <summary>In the reference manager's review queue.</summary>
    AwaitingReview = 0,

    /// <summary>The reference manager asked the nominator for more; it comes back to the queue when they answer.</summary>
    MoreInfoRequested = 1,

    /// <summary>Reviewed; the account owner approves the approach (when the nominator is not the owner).</summary>
    AwaitingOwnerApproval = 2,

    /// <summary>Approved: the contact is an advocate (a Candidate), linked to this nomination.</summary>
    Approved = 3,

    /// <summary>Declined with a reason, by the reference manager or the account owner; a reference manager may reopen it.</summary>
    Declined = 4,

    /// <summary>Withdrawn by the nominator.</summary>
    Withdrawn = 5,
}

/// <summary>An employee's proposal of a customer contact as an advocate, through review and the owner's approval to an advocate.</summary>
public class Nomination : IAudited
{
    public int Id { get; set; }
    public int ContactId { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The contact's account when nominated (whose owner approves).</summary>
    public int AccountId { get; set; }

    public NominationKind Kind { get; set; }

    /// <summary>Why this contact would make a good advocate, in the nominator's words.</summary>
    public required string Reason { get; set; }

    /// <summary>The activities they would do, as a bit set over <see cref="Advocates.ActivityType"/> (see <see cref="Advocates.ActivityTypeSet"/>).</summary>
    public int ActivityTypes { get; set; }

    /// <summary>A pocket reference the nominator wants kept for their own deals for a while after approval.</summary>
    public bool ReserveForNominator { get; set; }

    public required string NominatorId { get; set; }
    public string? NominatorName { get; set; }

    public NominationStatus Status { get; set; }

    /// <summary>When it entered its current state: an open one waiting over a week is flagged.</summary>
    public DateTimeOffset WaitingSince { get; set; }

    /// <summary>The reference manager's last question while <see cref="NominationStatus.MoreInfoRequested"/>.</summary>
    public string? Question { get; set; }

    public string? ReviewedById { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }

    /// <summary>The account owner whose approval was asked (or given).</summary>
    public string? OwnerId { get; set; }

    public DateTimeOffset? OwnerDecidedAt { get; set; }

    public string? DeclineReason { get; set; }
    public string? DeclinedById { get; set; }

    /// <summary>The advocate it became, for ever (incentives and impact count on it).</summary>
    public int? AdvocateId { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>Until this day (inclusive) the advocate is kept for the nominator's own deals; null when not reserved (or released).</summary>
    public DateOnly? ReservedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Concurrency token: two people acting on the same nomination at once get one success and one 409.</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    public List<NominationProduct> Products { get; set; } = [];
}

/// <summary>A product the nominated contact could speak about.</summary>
public class NominationProduct
{
    public int NominationId { get; set; }
    public int ProductId { get; set; }
}

/// <summary>One dated step of a nomination (with the question, answer or reason given), and who took it.</summary>
public class NominationEvent
{
    public long Id { get; set; }
    public int NominationId { get; set; }
    public required string From { get; set; }
    public required string To { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
    public string? ByName { get; set; }
    public string? Note { get; set; }
}
