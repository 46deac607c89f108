using System.Globalization;
using System.Text;
using System.Text.Json;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Formatting;
using Endorse.Listing;
using Endorse.Matching;
using Endorse.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Requests;

/// <summary>
/// Reference requests and their workflow: submit, list, the board, details, and every step of an advocate's
/// approach (propose, owner approval, ask, answer, schedule with a fatigue re-check, complete, feedback). The API
/// and the pages both go through here. Every step that changes an advocate's usage tells the <see cref="MatchIndex"/>,
/// so the next ranking sees it at once.
/// </summary>
public sealed class RequestService(EndorseDbContext db, Notifier notifier, TimeProvider clock, MatchService matching)
{
    public const string BookedBySomeoneElse = "This advocate was just booked by someone else; caps re-checked: ";

    /// <summary>How often a step is read, checked and saved again when others saved the same request meanwhile.</summary>
    private const int MaxAttempts = 3;

    /// <summary>Advocates whose activities this unit of work changed; the match index hears of them once saved.</summary>
    private readonly HashSet<int> usageChanged = [];

    /// <summary>Approaches whose booking this unit of work cancelled; both people get the calendar cancellation once saved.</summary>
    private readonly List<int> bookingsCancelled = [];

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The acting person's dates and times, for the sentences this unit of work answers them (set by NamedAsync).</summary>
    private PersonalFormat actorFormat = PersonalFormat.Default;

    public async Task<RequestOutcome<RequestDetails>> SubmitAsync(RequestInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        var errors = RequestRules.Validate(input, Today);
        if (input.OpportunityId is { } opportunityId && !await db.Opportunities.AnyAsync(o => o.Id == opportunityId, cancellationToken))
        {
            errors.Add(nameof(RequestInput.OpportunityId), "No opportunity has this id.");
        }

        var productIds = (input.ProductIds ?? []).Distinct().ToList();
        if (productIds.Count is > 0 and <= RequestRules.MaxProducts)
        {
            var known = await db.Products.AsNoTracking().Where(p => productIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
            foreach (var missing in productIds.Except(known))
            {
                errors.Add(nameof(RequestInput.ProductIds), $"No product has the id {missing}.");
            }
        }

        if (input.SectorId is { } sectorId && !await db.Sectors.AnyAsync(s => s.Id == sectorId, cancellationToken))
        {
            errors.Add(nameof(RequestInput.SectorId), "No sector has this id.");
        }

        if (input.RegionId is { } regionId && !await db.Regions.AnyAsync(r => r.Id == regionId, cancellationToken))
        {
            errors.Add(nameof(RequestInput.RegionId), "No region has this id.");
        }

        if (!string.IsNullOrWhiteSpace(input.Language) && Languages.Code(input.Language) is null)
        {
            errors.Add(nameof(RequestInput.Language), LanguageText.Unknown(input.Language));
        }

        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        var type = input.ActivityType!.Value;
        var request = new ReferenceRequest
        {
            RequesterId = actor.UserId,
            RequesterName = actor.Name,
            OpportunityId = input.OpportunityId,
            ProspectName = string.IsNullOrWhiteSpace(input.ProspectName) ? null : input.ProspectName.Trim(),
            ActivityType = type,
            Products = [.. productIds.Select(p => new RequestProduct { ProductId = p })],
            SectorId = input.SectorId,
            RegionId = input.RegionId,
            SizeBand = input.SizeBand is Accounts.SizeBand.Unknown ? null : input.SizeBand,
            MinimumSeniority = input.MinimumSeniority is Contacts.SeniorityTier.Unknown ? null : input.MinimumSeniority,
            Language = Languages.Code(input.Language),
            AdvocatesNeeded = input.AdvocatesNeeded ?? 1,
            NeededBy = input.NeededBy!.Value,
            Mode = await ProgramSettingsReader.ModeAsync(db, type, cancellationToken),
            Status = RequestStatus.Submitted,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes,
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            db.ReferenceRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            db.RequestEvents.Add(Event(request.Id, null, "-", nameof(RequestStatus.Submitted), actor, null));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await NotifyReferenceManagersAsync(request, actor, cancellationToken);
        return RequestOutcome.Ok((await GetAsync(request.Id, actor, cancellationToken))!);
    }

    /// <summary>
    /// Tells every active reference manager (but the requester) of a new request: in their inbox, and by mail for those
    /// who asked for it on their profile.
    /// </summary>
    private async Task NotifyReferenceManagersAsync(ReferenceRequest request, RequestActor actor, CancellationToken cancellationToken)
    {
        var managers = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where role.Name == Users.Roles.ReferenceManager && user.IsActive && user.Id != actor.UserId
            select new { user.Id, user.MailNewRequests })
            .Distinct()
            .ToListAsync(cancellationToken);
        if (managers.Count == 0)
        {
            return;
        }

        var prospect = await ProspectOfAsync(request.Id, cancellationToken);
        var what = Words.Phrase(request.ActivityType) + (prospect is null ? string.Empty : " with " + prospect);
        foreach (var manager in managers)
        {
            await notifier.NotifyPersonallyAsync(
                manager.Id,
                RequestMessages.NewRequestTitle(request.ActivityType, prospect),
                format => $"{actor.Name ?? "Someone"} asks for a {what}, needed by {format.Date(request.NeededBy)} (request #{request.Id}).",
                $"/requests/{request.Id}",
                manager.MailNewRequests,
                cancellationToken);
        }
    }

    /// <summary>Who the activity is for: the prospect typed in, or the account of the request's opportunity.</summary>
    private Task<string?> ProspectOfAsync(int requestId, CancellationToken cancellationToken) =>
        db.ReferenceRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => r.ProspectName ?? db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Account!.Name).FirstOrDefault())
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The criteria an opportunity suggests: its product, and the sector, region and size of its account (the prospect).</summary>
    public Task<OpportunityCriteria?> CriteriaOfOpportunityAsync(int opportunityId, CancellationToken cancellationToken = default) =>
        db.Opportunities.AsNoTracking().Where(o => o.Id == opportunityId)
            .Select(o => new OpportunityCriteria(
                o.ProductId,
                o.Account == null ? null : o.Account.SectorId,
                o.Account == null ? null : o.Account.RegionId,
                o.Account == null || o.Account.SizeBand == Accounts.SizeBand.Unknown ? null : o.Account.SizeBand))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The advocates ranked for the request's own activity type and criteria, best first (<paramref name="top"/>),
    /// each score explained, and the excluded advocates with their reasons.
    /// </summary>
    public async Task<RequestOutcome<MatchResponse>> MatchesAsync(int id, RequestActor actor, int top, int excludedOffset = 0, int excludedLimit = MatchService.DefaultExcluded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.ReferenceRequests.AsNoTracking().Include(r => r.Products).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

        // The ranking shows the program's advocates: only to those who may read the request (owners approve, they do not pick).
        if (request is null || !RequestRules.MaySee(request.RequesterId, [], actor))
        {
            return RequestOutcome.Missing<MatchResponse>();
        }

        // The pool rules of the requester (who draws on the pool), whoever looks at the ranking.
        var pool = await new Nominations.PoolAccess(db, clock).FilterForAsync(request.RequesterId, null, cancellationToken);
        var ranking = await matching.RankAsync(new RankRequest(RequestCriteria.Of(request, Today), top, excludedOffset, excludedLimit), pool, cancellationToken);
        return ranking.Errors is { } errors ? RequestOutcome.Invalid<MatchResponse>(errors) : RequestOutcome.Ok(ranking.Value!);
    }

    /// <summary>The requests the actor made, newest first.</summary>
    public Task<Page<RequestRow>> ListMineAsync(RequestActor actor, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(page);
        var query = Rows(db.ReferenceRequests.AsNoTracking().Where(r => r.RequesterId == actor.UserId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id));
        return WithFlagsAsync(query, page, cancellationToken);
    }

    /// <summary>The reference manager's board: open requests, the most urgent (overdue) first.</summary>
    public Task<Page<RequestRow>> BoardAsync(BoardFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        var open = new[]
        {
            RequestStatus.Submitted, RequestStatus.Matched, RequestStatus.AwaitingOwnerApproval, RequestStatus.AdvocateAsked,
            RequestStatus.Accepted, RequestStatus.Scheduled,
        };
        var requests = db.ReferenceRequests.AsNoTracking();
        requests = filter.Status is { } status ? requests.Where(r => r.Status == status) : requests.Where(r => open.Contains(r.Status));
        if (filter.Overdue == true)
        {
            var today = Today;
            requests = requests.Where(r => r.NeededBy < today);
        }

        return WithFlagsAsync(Rows(requests.OrderBy(r => r.NeededBy).ThenBy(r => r.Id)), page, cancellationToken);
    }

    public async Task<RequestDetails?> GetAsync(int id, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // Not found rather than forbidden: whether a request exists is not shown to those who may not read it.
        var request = await db.ReferenceRequests.AsNoTracking().Readable(db, actor).Where(r => r.Id == id)
            .Select(r => new
            {
                Request = r,
                OpportunityName = db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Name).FirstOrDefault(),
                SectorName = db.Sectors.Where(x => x.Id == r.SectorId).Select(x => x.Name).FirstOrDefault(),
                RegionName = db.Regions.Where(x => x.Id == r.RegionId).Select(x => x.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var r = request.Request;
        var products = await db.Set<RequestProduct>().AsNoTracking().Where(p => p.RequestId == id)
            .Join(db.Products, p => p.ProductId, p => p.Id, (_, p) => new { p.Id, p.Name })
            .OrderBy(p => p.Name)
            .ToListAsync(cancellationToken);
        var participants = await db.RequestParticipants.AsNoTracking().Where(p => p.RequestId == id).OrderBy(p => p.Id)
            .Select(p => new
            {
                Participant = p,
                p.Advocate!.Contact!.FirstName,
                p.Advocate.Contact.LastName,
                AccountName = db.Accounts.Where(a => a.Id == p.Advocate.AccountId).Select(a => a.Name).FirstOrDefault(),
                OwnerId = db.Accounts.Where(a => a.Id == p.Advocate.AccountId).Select(a => a.OwnerId).FirstOrDefault(),
                Quality = db.AdvocacyActivities.Where(a => a.ParticipantId == p.Id).Select(a => a.Quality).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ownerIds = participants.Select(p => p.OwnerId).OfType<string>().Distinct().ToList();

        var owners = ownerIds.Count == 0
            ? []
            : await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName ?? u.Email, cancellationToken);
        var names = participants.ToDictionary(p => p.Participant.Id, p => PersonName(p.FirstName, p.LastName));
        var playbook = participants.Any(p => p.Participant.Objection is not null) ? await new Objections.Playbook(db, clock).AnswersAsync(cancellationToken) : null;
        var now = clock.GetUtcNow();
        var history = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventView(e.At, e.ParticipantId, e.From, e.To, e.ByName, e.Note))
            .ToListAsync(cancellationToken);
        var today = Today;
        return new RequestDetails(
            r.Id, r.RequesterId, r.RequesterName, r.OpportunityId, request.OpportunityName, r.ProspectName, r.ActivityType, [.. products.Select(p => p.Id)], r.SectorId,
            r.RegionId, r.SizeBand, r.MinimumSeniority, r.Language, r.AdvocatesNeeded, r.NeededBy, r.Mode, r.Status, r.Notes, r.CreatedAt,
            participants.Select(p => new ParticipantView(
                p.Participant.Id,
                p.Participant.AdvocateId,
                names[p.Participant.Id],
                p.AccountName,
                p.Participant.Status,
                p.Participant.Objection,
                p.Participant.ObjectionNote,
                p.Participant.AskedAt,
                p.Participant.AskExpiresAt,
                p.Participant.AnsweredAt,
                p.Participant.DeclineReason,
                Slots(p.Participant.OfferedSlots),
                p.Participant.ScheduledStart,
                p.Quality)
            {
                Actions = [.. RequestRules.ActionsFor(p.Participant.Status, r.Mode, r.RequesterId, p.OwnerId, actor, RequestRules.HasStarted(p.Participant.ScheduledStart, now)),
                    .. RequestRules.MayRecordAdvocateFeedback(p.Participant.Status, p.Participant.AdvocateRating is not null, actor) ? ["advocate-feedback"] : Array.Empty<string>()],
                AccountOwnerName = p.OwnerId is null ? null : owners.GetValueOrDefault(p.OwnerId),
                WouldUseAgain = p.Participant.RequesterWouldUseAgain,
                RequesterComment = p.Participant.RequesterComment,
                AdvocateRating = p.Participant.AdvocateRating,
                AdvocateComment = p.Participant.AdvocateComment,
                PlaybookAnswer = p.Participant.Objection is { } objection ? playbook?.GetValueOrDefault(objection) : null,
            }).ToList(),
            [.. history.Select(e => e with { AdvocateName = e.ParticipantId is { } pid ? names.GetValueOrDefault(pid) : null })])
        {
            Overdue = RequestWorkflow.IsOverdue(r.Status, r.NeededBy, today),
            DueSoon = RequestWorkflow.IsDueSoon(r.Status, r.NeededBy, today),
            ProductNames = [.. products.Select(p => p.Name)],
            SectorName = request.SectorName,
            RegionName = request.RegionName,
            MayPick = RequestRules.MayPick(r.Mode, r.RequesterId, actor) && RequestWorkflow.IsOpen(r.Status),
            StillNeeded = RequestWorkflow.IsOpen(r.Status) ? RequestRules.StillNeeded(r.AdvocatesNeeded, participants.Select(p => p.Participant.Status)) : 0,
        };
    }

    /// <summary>
    /// Picks advocates for a request: the reference manager in managed mode, the requester in self-serve. The request is
    /// locked for the whole check and write (PostgreSQL: its row; SQLite: the database's one writer), so proposals made at
    /// the same moment are taken one after the other, each seeing the ones before: proposals of different advocates all
    /// succeed while the request still needs advocates, and the one that would exceed the count is refused (409) saying so.
    /// </summary>
    public async Task<RequestOutcome<RequestDetails>> ProposeAsync(int id, ProposeInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        var ids = (input.AdvocateIds ?? []).Distinct().ToList();
        if (ids.Count == 0 || ids.Count > 10)
        {
            return RequestOutcome.Invalid<RequestDetails>(nameof(ProposeInput.AdvocateIds), "Pick between 1 and 10 advocates.");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ProposeOnceAsync(id, ids, actor, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsRetryable(e))
            {
                // A deadlock or a write that slipped past the lock: read everything again and decide again.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<RequestOutcome<RequestDetails>> ProposeOnceAsync(int id, List<int> ids, RequestActor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockRequestAsync(id, cancellationToken);
        var request = await db.ReferenceRequests.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return RequestOutcome.Missing<RequestDetails>();
        }

        if (!RequestRules.MayPick(request.Mode, request.RequesterId, actor))
        {
            return RequestOutcome.Denied<RequestDetails>();
        }

        if (!RequestWorkflow.IsOpen(request.Status))
        {
            return RequestOutcome.Refused<RequestDetails>($"This request is {Words.Phrase(request.Status)}; no more advocates can be proposed.");
        }

        var advocates = await db.Advocates.AsNoTracking().Include(a => a.Blackouts).Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken);
        var errors = new ValidationErrors();
        foreach (var missing in ids.Where(i => advocates.All(a => a.Id != i)))
        {
            errors.Add(nameof(ProposeInput.AdvocateIds), $"No advocate has the id {missing}.");
        }

        var pool = await new Nominations.PoolAccess(db, clock).FilterForAsync(request.RequesterId, null, cancellationToken);
        foreach (var hidden in advocates.Where(a => pool?.Invoke(a.Id, a.AccountId) is not (null or PoolHiding.None)))
        {
            errors.Add(nameof(ProposeInput.AdvocateIds), $"Advocate {hidden.Id} is not in the requester's pool: {PoolFiltering.Label(pool!(hidden.Id, hidden.AccountId)).ToLowerInvariant()}.");
        }

        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        // What the request holds now decides: someone may have proposed meanwhile (409, saying what is there).
        var contactIds = advocates.Select(a => a.ContactId).ToList();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new { Name = PersonName(c.FirstName, c.LastName), c.Email }, cancellationToken);
        var already = advocates.Where(a => request.Participants.Any(p => p.AdvocateId == a.Id)).Select(a => contacts[a.ContactId].Name).ToList();
        if (already.Count > 0)
        {
            return RequestOutcome.Refused<RequestDetails>(already.Count == 1
                ? $"{already[0]} is already on this request."
                : $"{string.Join(", ", already)} are already on this request.");
        }

        if (RequestRules.ProposalLimit(request.AdvocatesNeeded, request.Participants.Select(p => p.Status), ids.Count) is { } limit)
        {
            return RequestOutcome.Refused<RequestDetails>(limit);
        }

        // The fatigue policy is checked when an advocate is proposed, and enforced again when they are booked.
        var policy = await ProgramSettingsReader.FatiguePolicyAsync(db, cancellationToken);
        var today = Today;
        foreach (var advocate in advocates)
        {
            var contact = contacts[advocate.ContactId];
            var check = await EvaluateAsync(policy, advocate, request.ActivityType, today, cancellationToken);
            if (RequestRules.ProposalBlock(ActivityTypeSet.Contains(advocate.ActivityTypes, request.ActivityType), request.ActivityType, check, request.NeededBy, today) is { } block)
            {
                errors.Add(nameof(ProposeInput.AdvocateIds), $"{contact.Name} cannot be proposed: {block}");
            }
            else if (string.IsNullOrWhiteSpace(contact.Email))
            {
                errors.Add(nameof(ProposeInput.AdvocateIds), $"{contact.Name} has no e-mail address to send the link to; add one to the contact first.");
            }
        }

        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        var accountIds = advocates.Select(a => a.AccountId).Distinct().ToList();
        var ownerOf = await db.Accounts.AsNoTracking().Where(x => accountIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.OwnerId, cancellationToken);
        var owners = new List<(string OwnerId, RequestParticipant Participant)>();
        foreach (var advocate in advocates)
        {
            var ownerId = ownerOf.GetValueOrDefault(advocate.AccountId);
            var needsApproval = RequestWorkflow.NeedsOwnerApproval(ownerId, actor.UserId);
            var participant = new RequestParticipant
            {
                AdvocateId = advocate.Id,
                Status = needsApproval ? ParticipantStatus.AwaitingOwnerApproval : ParticipantStatus.Asked,
            };
            request.Participants.Add(participant);
            if (needsApproval)
            {
                owners.Add((ownerId!, participant));
            }
        }

        Recompute(request);
        Touch(request);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var participant in request.Participants.Where(p => ids.Contains(p.AdvocateId)))
        {
            db.RequestEvents.Add(Event(request.Id, participant.Id, nameof(ParticipantStatus.Proposed), participant.Status.ToString(), actor, null));
            if (participant.Status == ParticipantStatus.Asked)
            {
                await PrepareAskAsync(request, participant, actor, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var (ownerId, _) in owners)
        {
            await notifier.NotifyAsync(
                ownerId,
                "Approve a reference approach to your customer",
                $"{actor.Name ?? "Someone"} wants to ask one of your customer's advocates for a {ActivityTypes.Singular(request.ActivityType)} (request #{request.Id}).",
                $"/requests/{request.Id}",
                sendEmail: true,
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    public Task<RequestOutcome<RequestDetails>> ApproveAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(id, participantId, ParticipantStatus.Asked, actor, RequestRules.Approver, async (request, participant, named) =>
        {
            participant.OwnerDecisionById = named.UserId;
            participant.OwnerDecidedAt = clock.GetUtcNow();
            await PrepareAskAsync(request, participant, named, cancellationToken);
            return null;
        }, cancellationToken);

    public async Task<RequestOutcome<RequestDetails>> BlockAsync(int id, int participantId, BlockInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var outcome = await BlockOnceAsync(id, participantId, input, actor, cancellationToken);
        if (outcome.Succeeded && input.Reason == ObjectionReason.ServiceProblems)
        {
            // A pattern of service problems in a product or sector goes to its service lead, once per episode.
            var accountId = await db.RequestParticipants.AsNoTracking().Where(p => p.Id == participantId).Select(p => p.Advocate!.AccountId).FirstAsync(cancellationToken);
            await new Objections.ObjectionService(db, notifier, clock).CheckServiceProblemsAsync(accountId, cancellationToken);
        }

        return outcome;
    }

    private Task<RequestOutcome<RequestDetails>> BlockOnceAsync(int id, int participantId, BlockInput input, RequestActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        if (input.Reason is not { } reason)
        {
            errors.Add(nameof(BlockInput.Reason), "Reason is required.");
        }
        else
        {
            errors.Defined(nameof(BlockInput.Reason), reason, "Reason");
        }

        errors.MaxLength(nameof(BlockInput.Note), input.Note, "Note", 2000);
        if (!errors.IsValid)
        {
            return Task.FromResult(RequestOutcome.Invalid<RequestDetails>(errors));
        }

        return MoveAsync(id, participantId, ParticipantStatus.OwnerBlocked, actor, RequestRules.Approver, (_, participant, _) =>
        {
            participant.OwnerDecisionById = actor.UserId;
            participant.OwnerDecidedAt = clock.GetUtcNow();
            participant.Objection = input.Reason;
            participant.ObjectionNote = input.Note;
            return Task.FromResult<string?>(Words.Label(input.Reason!.Value) + (string.IsNullOrWhiteSpace(input.Note) ? string.Empty : ": " + input.Note));
        }, cancellationToken);
    }

    /// <summary>Sends the advocate a fresh link (asks again when the first mail was lost). Only while Asked.</summary>
    public async Task<RequestOutcome<RequestDetails>> AskAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        var request = await db.ReferenceRequests.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        var participant = request?.Participants.FirstOrDefault(p => p.Id == participantId);
        if (request is null || participant is null)
        {
            return RequestOutcome.Missing<RequestDetails>();
        }

        if (!RequestRules.MayPick(request.Mode, request.RequesterId, actor))
        {
            return RequestOutcome.Denied<RequestDetails>();
        }

        if (participant.Status != ParticipantStatus.Asked)
        {
            return RequestOutcome.Refused<RequestDetails>(RequestWorkflow.Refusal(participant.Status, ParticipantStatus.Asked));
        }

        await PrepareAskAsync(request, participant, actor, cancellationToken);
        db.RequestEvents.Add(Event(request.Id, participant.Id, nameof(ParticipantStatus.Asked), nameof(ParticipantStatus.Asked), actor, "Link sent again"));
        await db.SaveChangesAsync(cancellationToken);
        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    /// <summary>What the advocate's link shows: the ask (open, answered, expired), or the feedback form after the activity.</summary>
    public async Task<PortalView> PortalAsync(string? token, CancellationToken cancellationToken = default)
    {
        var invalid = new PortalView(LinkState.Invalid, null, default, null, default, null, null, default);
        if (!AskLink.IsWellFormed(token))
        {
            return invalid;
        }

        var hash = AskLink.Hash(token!);
        var found = await db.RequestParticipants.AsNoTracking().Where(p => p.AskTokenHash == hash || p.ReminderTokenHash == hash || p.FeedbackTokenHash == hash)
            .Select(p => new
            {
                p.Status,
                IsFeedback = p.FeedbackTokenHash == hash,
                p.AskExpiresAt,
                p.AnsweredAt,
                p.FeedbackExpiresAt,
                p.AdvocateFeedbackAt,
                p.ScheduledStart,
                p.OfferedSlots,
                p.Advocate!.Contact!.FirstName,
                AdvocateTimeZone = p.Advocate.TimeZone,
                Request = db.ReferenceRequests.Where(r => r.Id == p.RequestId)
                    .Select(r => new { r.ActivityType, r.ProspectName, r.NeededBy, r.RequesterName, Opportunity = db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Account!.Name).FirstOrDefault() })
                    .First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var state = found.IsFeedback
            ? found.AdvocateFeedbackAt is not null ? LinkState.FeedbackGiven
                : found.FeedbackExpiresAt is { } feedbackExpires && feedbackExpires <= now ? LinkState.Expired : LinkState.Feedback
            : found.AnsweredAt is not null || found.Status != ParticipantStatus.Asked ? LinkState.Answered
                : found.AskExpiresAt is { } expires && expires <= now ? LinkState.Expired : LinkState.Open;
        return new PortalView(state, found.FirstName, found.Request.ActivityType, found.Request.ProspectName ?? found.Request.Opportunity, found.Request.NeededBy, found.Request.RequesterName,
            found.IsFeedback ? found.AdvocateFeedbackAt : found.AnsweredAt, found.Status)
        {
            ScheduledStart = found.ScheduledStart,
            AdvocateTimeZone = TimeZones.Normalize(found.AdvocateTimeZone),
            OfferedSlots = Slots(found.OfferedSlots),
        };
    }

    /// <summary>The advocate's feedback through the link mailed after the activity; once only.</summary>
    public async Task<RequestOutcome<PortalView>> GiveFeedbackAsync(string? token, AdvocateFeedbackInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var view = await PortalAsync(token, cancellationToken);
        switch (view.State)
        {
            case LinkState.Invalid or LinkState.Open or LinkState.Answered:
                return RequestOutcome.Missing<PortalView>();
            case LinkState.Expired:
                return new RequestOutcome<PortalView>(view, Conflict: "expired");
            case LinkState.FeedbackGiven:
                return new RequestOutcome<PortalView>(view, Conflict: "answered");
            default:
                break;
        }

        var errors = RequestRules.ValidateAdvocateFeedback(input);
        if (!errors.IsValid)
        {
            return new RequestOutcome<PortalView>(view, errors);
        }

        var hash = AskLink.Hash(token!);
        var participant = await db.RequestParticipants.AsNoTracking().FirstAsync(p => p.FeedbackTokenHash == hash, cancellationToken);
        var saved = await SaveAdvocateFeedbackAsync(participant, input, null, cancellationToken);
        return saved is null ? RequestOutcome.Ok(await PortalAsync(token, cancellationToken)) : new RequestOutcome<PortalView>(view, Conflict: "answered");
    }

    /// <summary>A reference manager records the advocate's feedback (given by phone or mail) on a completed approach.</summary>
    public async Task<RequestOutcome<RequestDetails>> RecordAdvocateFeedbackAsync(int id, int participantId, AdvocateFeedbackInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        var participant = await db.RequestParticipants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.RequestId == id, cancellationToken);
        if (participant is null)
        {
            return RequestOutcome.Missing<RequestDetails>();
        }

        if (!actor.IsReferenceManager)
        {
            return RequestOutcome.Denied<RequestDetails>();
        }

        if (!RequestRules.MayRecordAdvocateFeedback(participant.Status, participant.AdvocateRating is not null, actor))
        {
            return RequestOutcome.Refused<RequestDetails>(participant.AdvocateRating is not null
                ? "The advocate's feedback was already given."
                : $"This approach is {Words.Phrase(participant.Status)}; feedback follows a completed activity.");
        }

        var errors = RequestRules.ValidateAdvocateFeedback(input);
        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        var refused = await SaveAdvocateFeedbackAsync(participant, input, actor, cancellationToken);
        return refused is null ? RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!) : RequestOutcome.Refused<RequestDetails>(refused);
    }

    /// <summary>The advocate's answer through their link: accept with up to three time slots, or decline.</summary>
    public async Task<RequestOutcome<PortalView>> AnswerAsync(string? token, bool accept, IReadOnlyList<DateTimeOffset> slots, string? reason, CancellationToken cancellationToken = default) =>
        await AnswerAsync(token, accept, slots, reason, null, cancellationToken);

    /// <summary>
    /// The advocate's answer through their link; <paramref name="timeZone"/> is the zone they offered the times in,
    /// remembered for them so the next ask shows it already chosen.
    /// </summary>
    public async Task<RequestOutcome<PortalView>> AnswerAsync(string? token, bool accept, IReadOnlyList<DateTimeOffset> slots, string? reason, string? timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var view = await PortalAsync(token, cancellationToken);
        switch (view.State)
        {
            case LinkState.Invalid:
                return RequestOutcome.Missing<PortalView>();
            case LinkState.Expired:
                return new RequestOutcome<PortalView>(view, Conflict: "expired");
            case LinkState.Answered:
                return new RequestOutcome<PortalView>(view, Conflict: "answered");
            default:
                break;
        }

        var now = clock.GetUtcNow();
        if (accept)
        {
            var errors = new ValidationErrors();
            if (slots.Count == 0)
            {
                errors.Add("slots", "Offer at least one time that suits you.");
            }
            else if (slots.Count > 3)
            {
                errors.Add("slots", "Offer at most three times.");
            }
            else if (slots.Any(s => s <= now))
            {
                errors.Add("slots", "The times you offer must be in the future.");
            }

            if (!errors.IsValid)
            {
                return new RequestOutcome<PortalView>(view, errors);
            }
        }
        else if (reason is { Length: > 2000 })
        {
            return new RequestOutcome<PortalView>(view, new ValidationErrors().Add("reason", "The reason must be at most 2000 characters."));
        }

        var hash = AskLink.Hash(token!);
        var participant = await db.RequestParticipants.FirstAsync(p => p.AskTokenHash == hash || p.ReminderTokenHash == hash, cancellationToken);
        var request = await db.ReferenceRequests.Include(r => r.Participants).FirstAsync(r => r.Id == participant.RequestId, cancellationToken);
        participant = request.Participants.First(p => p.Id == participant.Id);
        var to = accept ? ParticipantStatus.Accepted : ParticipantStatus.Declined;
        if (!RequestWorkflow.CanMove(participant.Status, to))
        {
            return new RequestOutcome<PortalView>(view, Conflict: "answered");
        }

        var from = participant.Status;
        participant.Status = to;
        participant.AnsweredAt = now;
        if (accept)
        {
            participant.OfferedSlots = JsonSerializer.Serialize(slots.Select(s => s.ToUniversalTime()).OrderBy(s => s).ToList());
        }
        else
        {
            participant.DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        }

        if (TimeZones.Normalize(timeZone) is { } zone)
        {
            await db.Advocates.Where(a => a.Id == participant.AdvocateId).ExecuteUpdateAsync(s => s.SetProperty(a => a.TimeZone, zone), cancellationToken);
        }

        Recompute(request);
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = request.Id,
            ParticipantId = participant.Id,
            From = from.ToString(),
            To = to.ToString(),
            At = now,
            ByName = "Advocate",
            Note = accept ? null : participant.DeclineReason,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new RequestOutcome<PortalView>(view, Conflict: "answered");
        }

        var offered = slots.Select(s => s.ToUniversalTime()).Order().ToList();
        var advocateName = await db.Advocates.AsNoTracking().Where(a => a.Id == participant.AdvocateId)
            .Select(a => a.Contact!.FirstName + " " + a.Contact.LastName).FirstOrDefaultAsync(cancellationToken);
        await notifier.NotifyPersonallyAsync(
            request.RequesterId,
            accept ? "An advocate accepted your request" : "An advocate declined your request",
            format => accept
                ? $"{advocateName?.Trim() ?? "The advocate"} can do the {Words.Phrase(request.ActivityType)} and offered: {string.Join("; ", offered.Select(format.Slot))}. Pick one of these times."
                : participant.DeclineReason is null ? $"{advocateName?.Trim() ?? "The advocate"} cannot help this time." : $"{advocateName?.Trim() ?? "The advocate"} cannot help this time: {participant.DeclineReason}",
            $"/requests/{request.Id}",
            sendEmail: true,
            cancellationToken);
        return RequestOutcome.Ok(await PortalAsync(token, cancellationToken));
    }

    /// <summary>
    /// Books the advocate at one of the offered times. In one transaction it locks the account (PostgreSQL),
    /// re-checks the fatigue policy against the booked and completed activities, inserts the booked activity and
    /// bumps the advocate's booking version, so two bookings racing for the last free slot cannot both succeed.
    /// </summary>
    public async Task<RequestOutcome<RequestDetails>> ScheduleAsync(int id, int participantId, ScheduleInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        var peek = await db.RequestParticipants.AsNoTracking().Where(p => p.Id == participantId && p.RequestId == id)
            .Select(p => new { p.Status, p.OfferedSlots, p.AdvocateId, p.Advocate!.AccountId })
            .FirstOrDefaultAsync(cancellationToken);
        var requestRow = await db.ReferenceRequests.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.RequesterId }).FirstOrDefaultAsync(cancellationToken);
        if (peek is null || requestRow is null)
        {
            return RequestOutcome.Missing<RequestDetails>();
        }

        if (requestRow.RequesterId != actor.UserId && !actor.IsReferenceManager)
        {
            return RequestOutcome.Denied<RequestDetails>();
        }

        if (!RequestWorkflow.CanMove(peek.Status, ParticipantStatus.Scheduled))
        {
            return RequestOutcome.Refused<RequestDetails>(RequestWorkflow.Refusal(peek.Status, ParticipantStatus.Scheduled));
        }

        var offered = Slots(peek.OfferedSlots);
        if (input.Slot is not { } slot || !offered.Any(o => o == slot.ToUniversalTime()))
        {
            return RequestOutcome.Invalid<RequestDetails>(nameof(ScheduleInput.Slot), "Pick one of the times the advocate offered.");
        }

        if (input.Minutes is { } minutes && (minutes < 15 || minutes > 480))
        {
            return RequestOutcome.Invalid<RequestDetails>(nameof(ScheduleInput.Minutes), "Minutes must be between 15 and 480.");
        }

        if (input.Joining is { Length: > 500 })
        {
            return RequestOutcome.Invalid<RequestDetails>(nameof(ScheduleInput.Joining), "How to join must be at most 500 characters.");
        }

        var policy = await ProgramSettingsReader.FatiguePolicyAsync(db, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
            {
                // Serialize bookings at the same account, so account caps hold under concurrency.
                await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Accounts\" WHERE \"Id\" = {peek.AccountId} FOR UPDATE", cancellationToken);
            }

            var request = await db.ReferenceRequests.Include(r => r.Participants).FirstAsync(r => r.Id == id, cancellationToken);
            var participant = request.Participants.First(p => p.Id == participantId);
            if (!RequestWorkflow.CanMove(participant.Status, ParticipantStatus.Scheduled))
            {
                return RequestOutcome.Refused<RequestDetails>(RequestWorkflow.Refusal(participant.Status, ParticipantStatus.Scheduled));
            }

            var advocate = await db.Advocates.Include(a => a.Blackouts).FirstAsync(a => a.Id == peek.AdvocateId, cancellationToken);
            var date = DateOnly.FromDateTime(slot.UtcDateTime);
            var check = await EvaluateAsync(policy, advocate, request.ActivityType, date, cancellationToken);
            if (!check.CanBook)
            {
                return RequestOutcome.Refused<RequestDetails>("The fatigue policy does not allow this booking: " + string.Join(" ", check.Blocks.Select(b => b.Message)));
            }

            db.AdvocacyActivities.Add(new AdvocacyActivity
            {
                AdvocateId = advocate.Id,
                AccountId = advocate.AccountId,
                ActivityType = request.ActivityType,
                OccurredOn = date,
                State = AdvocacyActivityState.Booked,
                RequestId = request.Id,
                ParticipantId = participant.Id,
                OpportunityId = request.OpportunityId,
                CreatedAt = clock.GetUtcNow(),
            });
            advocate.BookingVersion++;
            participant.Status = ParticipantStatus.Scheduled;
            participant.ScheduledStart = slot.ToUniversalTime();
            participant.ScheduledMinutes = input.Minutes ?? participant.ScheduledMinutes;
            participant.JoinDetails = string.IsNullOrWhiteSpace(input.Joining) ? null : input.Joining.Trim();
            Recompute(request);
            Touch(request);

            // The note is the instant in ISO 8601; the history shows it in each viewer's own zone.
            db.RequestEvents.Add(Event(request.Id, participant.Id, nameof(ParticipantStatus.Accepted), nameof(ParticipantStatus.Scheduled), actor, RequestMessages.InstantNote(slot)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                break;
            }
            catch (Exception e) when (IsRetryable(e))
            {
                // Someone else changed the advocate (a booking, a status) or the request meanwhile: check again on what is there now.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (attempt < MaxAttempts)
                {
                    continue;
                }

                var fresh = await db.Advocates.AsNoTracking().Include(a => a.Blackouts).FirstAsync(a => a.Id == peek.AdvocateId, cancellationToken);
                var recheck = await EvaluateAsync(policy, fresh, request.ActivityType, date, cancellationToken);
                return RequestOutcome.Refused<RequestDetails>(BookedBySomeoneElse + (recheck.CanBook
                    ? "the advocate can still be booked on this date; try again."
                    : string.Join(" ", recheck.Blocks.Select(b => b.Message))));
            }
        }

        matching.Index.Invalidate(peek.AdvocateId);
        await QueueInvitesAsync(id, participantId, cancellationToken);
        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    /// <summary>
    /// The requester's feedback: it happened (completed, with quality and whether they would use the advocate again; the
    /// advocate is mailed a link to give theirs) or it did not (a no-show).
    /// </summary>
    public async Task<RequestOutcome<RequestDetails>> CompleteAsync(int id, int participantId, FeedbackInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = RequestRules.ValidateFeedback(input);
        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        var to = input.Happened == false ? ParticipantStatus.NoShow : ParticipantStatus.Completed;
        return await MoveAsync(id, participantId, to, actor, RequestRules.RequesterOrManager, async (request, participant, _) =>
        {
            participant.RequesterSaysHappened = input.Happened;
            participant.RequesterQuality = input.Quality;
            participant.RequesterWouldUseAgain = input.WouldUseAgain;
            participant.RequesterComment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
            await SetActivityAsync(participant.Id, to == ParticipantStatus.Completed ? AdvocacyActivityState.Completed : AdvocacyActivityState.NoShow, input.Quality, cancellationToken);
            if (to == ParticipantStatus.Completed)
            {
                await PrepareFeedbackAsync(request, participant, cancellationToken);
            }

            return FeedbackNote(input);
        }, cancellationToken, NotYetHappened);
    }

    public Task<RequestOutcome<RequestDetails>> NoShowAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(id, participantId, ParticipantStatus.NoShow, actor, RequestRules.RequesterOrManager, async (_, participant, _) =>
        {
            participant.RequesterSaysHappened = false;
            await SetActivityAsync(participant.Id, AdvocacyActivityState.NoShow, null, cancellationToken);
            return null;
        }, cancellationToken, NotYetHappened);

    public Task<RequestOutcome<RequestDetails>> CancelParticipantAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(id, participantId, ParticipantStatus.Cancelled, actor, RequestRules.RequesterOrManager, async (_, participant, _) =>
        {
            CancelBooking(participant);
            await SetActivityAsync(participant.Id, AdvocacyActivityState.Cancelled, null, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Cancels the whole request: every live approach is cancelled and its booking stops counting.</summary>
    public async Task<RequestOutcome<RequestDetails>> CancelAsync(int id, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        return await StepAsync(id, actor, async () =>
        {
            var request = await db.ReferenceRequests.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (request is null)
            {
                return RequestOutcome.Missing<RequestDetails>();
            }

            if (request.RequesterId != actor.UserId && !actor.IsReferenceManager)
            {
                return RequestOutcome.Denied<RequestDetails>();
            }

            if (!RequestWorkflow.IsOpen(request.Status))
            {
                return RequestOutcome.Refused<RequestDetails>($"This request is {Words.Phrase(request.Status)}; it cannot be cancelled any more.");
            }

            foreach (var participant in request.Participants.Where(p => RequestWorkflow.CanMove(p.Status, ParticipantStatus.Cancelled)))
            {
                db.RequestEvents.Add(Event(request.Id, participant.Id, participant.Status.ToString(), nameof(ParticipantStatus.Cancelled), actor, null));
                CancelBooking(participant);
                participant.Status = ParticipantStatus.Cancelled;
                await SetActivityAsync(participant.Id, AdvocacyActivityState.Cancelled, null, cancellationToken);
            }

            db.RequestEvents.Add(Event(request.Id, null, request.Status.ToString(), nameof(RequestStatus.Cancelled), actor, null));
            request.Status = RequestStatus.Cancelled;
            Touch(request);
            return null;
        }, cancellationToken);
    }

    private async Task<RequestOutcome<RequestDetails>> MoveAsync(
        int id,
        int participantId,
        ParticipantStatus to,
        RequestActor actor,
        Func<ReferenceRequest, string?, RequestActor, bool> mayAct,
        Func<ReferenceRequest, RequestParticipant, RequestActor, Task<string?>> apply,
        CancellationToken cancellationToken,
        Func<RequestParticipant, string?>? refuse = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        actor = await NamedAsync(actor, cancellationToken);
        return await StepAsync(id, actor, async () =>
        {
            var request = await db.ReferenceRequests.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            var participant = request?.Participants.FirstOrDefault(p => p.Id == participantId);
            if (request is null || participant is null)
            {
                return RequestOutcome.Missing<RequestDetails>();
            }

            var ownerId = await db.Advocates.Where(a => a.Id == participant.AdvocateId)
                .Select(a => db.Accounts.Where(x => x.Id == a.AccountId).Select(x => x.OwnerId).FirstOrDefault())
                .FirstOrDefaultAsync(cancellationToken);
            if (!mayAct(request, ownerId, actor))
            {
                return RequestOutcome.Denied<RequestDetails>();
            }

            if (!RequestWorkflow.CanMove(participant.Status, to))
            {
                return RequestOutcome.Refused<RequestDetails>(RequestWorkflow.Refusal(participant.Status, to));
            }

            if (refuse?.Invoke(participant) is { } why)
            {
                return RequestOutcome.Refused<RequestDetails>(why);
            }

            var from = participant.Status;
            participant.Status = to;
            var note = await apply(request, participant, actor);
            Recompute(request);
            Touch(request);
            db.RequestEvents.Add(Event(request.Id, participant.Id, from.ToString(), to.ToString(), actor, note));
            return null;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one step of the workflow: <paramref name="prepare"/> reads the request, checks the step and makes the change
    /// (or answers why not), and the change is saved with the request's concurrency token (every step touches the
    /// request). When someone else saved the request in between, the step is read and checked again on what is there now,
    /// up to <see cref="MaxAttempts"/> times: a step that is still possible succeeds, one that is not answers what changed
    /// ("This approach is already asked"). Then the match index hears of changed usage and cancelled bookings are mailed.
    /// </summary>
    private async Task<RequestOutcome<RequestDetails>> StepAsync(int id, RequestActor actor, Func<Task<RequestOutcome<RequestDetails>?>> prepare, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var refused = await prepare();
            if (refused is not null)
            {
                Reset();
                return refused;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (Exception e) when (IsRetryable(e))
            {
                Reset();
                if (attempt == MaxAttempts)
                {
                    return RequestOutcome.Refused<RequestDetails>("Others changed this request at the same moment, again and again; reload it and try again.");
                }
            }
        }

        InvalidateChangedUsage();
        foreach (var participantId in bookingsCancelled)
        {
            await QueueInvitesAsync(id, participantId, cancellationToken, cancelled: true);
        }

        bookingsCancelled.Clear();
        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    /// <summary>Forgets what an attempt changed, so the next one starts from what the database holds.</summary>
    private void Reset()
    {
        db.ChangeTracker.Clear();
        usageChanged.Clear();
        bookingsCancelled.Clear();
    }

    /// <summary>Marks the request changed, so its concurrency token (UpdatedAt) guards every step, whatever else it changes.</summary>
    private void Touch(ReferenceRequest request) => db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;

    /// <summary>
    /// Locks the request's row until the transaction ends (PostgreSQL), so steps on it are taken one after the other. On
    /// SQLite the transaction already holds the database's single write lock from its start (BEGIN IMMEDIATE).
    /// </summary>
    private async Task LockRequestAsync(int id, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"ReferenceRequests\" WHERE \"Id\" = {id} FOR UPDATE", cancellationToken);
        }
    }

    /// <summary>Someone else saved the same rows meanwhile, or two transactions deadlocked: reading again and retrying is right.</summary>
    private static bool IsRetryable(Exception exception) =>
        DatabaseErrors.Classify(exception) is DatabaseErrorKind.ChangedMeanwhile or DatabaseErrorKind.Contention;

    /// <summary>Creates the advocate's secret link and queues the mail that carries it (saved with the next SaveChanges).</summary>
    private async Task PrepareAskAsync(ReferenceRequest request, RequestParticipant participant, RequestActor actor, CancellationToken cancellationToken)
    {
        var token = AskLink.Create();
        var now = clock.GetUtcNow();
        participant.AskTokenHash = AskLink.Hash(token);
        participant.ReminderTokenHash = null;
        participant.AskedAt = now;
        participant.AskExpiresAt = now + AskLink.Lifetime;
        var prospect = await ProspectOfAsync(request.Id, cancellationToken);
        await QueueAdvocateMailAsync(
            participant.AdvocateId,
            RequestMessages.AskSubject(request.ActivityType, prospect),
            (first, format) => RequestMessages.AskText(first, actor.Name, request.ActivityType, prospect, format.Date(request.NeededBy), AskLink.Lifetime.Days),
            token,
            cancellationToken);
    }

    /// <summary>After a completed activity: a fresh link for the advocate's own feedback, and the mail that carries it.</summary>
    private async Task PrepareFeedbackAsync(ReferenceRequest request, RequestParticipant participant, CancellationToken cancellationToken)
    {
        var token = AskLink.Create();
        participant.FeedbackTokenHash = AskLink.Hash(token);
        participant.FeedbackExpiresAt = clock.GetUtcNow() + AskLink.Lifetime;
        await QueueAdvocateMailAsync(
            participant.AdvocateId,
            $"Thank you for the {Words.Phrase(request.ActivityType)}: how did it go?",
            (first, _) => $"Hello {first},\n\nThank you for your help with the {Words.Phrase(request.ActivityType)}. " +
                "Would you tell us in one click how it went? It helps us ask you only for what suits you.",
            token,
            cancellationToken);
    }

    /// <summary>
    /// Queues a mail to the advocate (saved with the next SaveChanges) ending with their link, absolute with the public
    /// base address (PublicBaseUrl); the text is written in the advocate's own time zone when they gave one.
    /// </summary>
    private async Task QueueAdvocateMailAsync(int advocateId, string subject, Func<string?, PersonalFormat, string> text, string token, CancellationToken cancellationToken)
    {
        var contact = await db.Advocates.AsNoTracking().Where(a => a.Id == advocateId)
            .Select(a => new { a.Contact!.Email, a.Contact.FirstName, a.Contact.LastName, a.TimeZone })
            .FirstAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            return;
        }

        var link = notifier.AbsoluteLink(AskLink.Path(token))!;
        var body = text(contact.FirstName, PersonalFormat.Of(contact.TimeZone));
        var now = clock.GetUtcNow();
        db.OutboundMails.Add(new OutboundMail
        {
            To = contact.Email,
            ToName = PersonName(contact.FirstName, contact.LastName),
            Subject = subject,
            TextBody = body + " " + link,
            HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(body).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>" +
                $"<p><a href=\"{System.Net.WebUtility.HtmlEncode(link)}\">{System.Net.WebUtility.HtmlEncode(link)}</a></p>",
            Status = MailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    /// <summary>
    /// A reminder to an advocate who has not answered: a second link to the same ask (the first keeps working), in a
    /// mail queued on this context. Used by the reminder job; saved by its caller.
    /// </summary>
    public async Task QueueAskReminderAsync(int participantId, CancellationToken cancellationToken = default)
    {
        var participant = await db.RequestParticipants.FirstAsync(p => p.Id == participantId, cancellationToken);
        var request = await db.ReferenceRequests.AsNoTracking().FirstAsync(r => r.Id == participant.RequestId, cancellationToken);
        var token = AskLink.Create();
        participant.ReminderTokenHash = AskLink.Hash(token);
        var prospect = await ProspectOfAsync(request.Id, cancellationToken);
        var expires = participant.AskExpiresAt;
        await QueueAdvocateMailAsync(
            participant.AdvocateId,
            "Reminder: " + RequestMessages.AskSubject(request.ActivityType, prospect),
            (first, format) => RequestMessages.AskReminderText(first, request.RequesterName, request.ActivityType, prospect, format.Date(request.NeededBy), expires is { } e ? format.Date(e) : null),
            token,
            cancellationToken);
    }

    /// <summary>Stores the advocate's rating and comment once, with its event; returns why not when feedback was given first.</summary>
    private async Task<string?> SaveAdvocateFeedbackAsync(RequestParticipant participant, AdvocateFeedbackInput input, RequestActor? actor, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Only the first feedback counts: the update applies while none is stored.
        var claimed = await db.RequestParticipants.Where(p => p.Id == participant.Id && p.AdvocateFeedbackAt == null)
            .ExecuteUpdateAsync(
                u => u.SetProperty(p => p.AdvocateRating, input.Rating).SetProperty(p => p.AdvocateComment, comment)
                    .SetProperty(p => p.AdvocateFeedbackAt, now).SetProperty(p => p.UpdatedAt, now),
                cancellationToken);
        if (claimed != 1)
        {
            return "The advocate's feedback was already given.";
        }

        var note = $"Advocate's feedback: {input.Rating}/5" + (comment is null ? string.Empty : " · " + comment);
        db.RequestEvents.Add(actor is null
            ? new RequestEvent { RequestId = participant.RequestId, ParticipantId = participant.Id, From = nameof(ParticipantStatus.Completed), To = nameof(ParticipantStatus.Completed), At = now, ByName = "Advocate", Note = Truncate(note) }
            : Event(participant.RequestId, participant.Id, nameof(ParticipantStatus.Completed), nameof(ParticipantStatus.Completed), actor, note));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>Why it cannot yet be told whether a booked activity happened: its time has not come.</summary>
    private string? NotYetHappened(RequestParticipant participant) =>
        participant.Status == ParticipantStatus.Scheduled && !RequestRules.HasStarted(participant.ScheduledStart, clock.GetUtcNow())
            ? $"It is booked for {actorFormat.Instant(participant.ScheduledStart!.Value)}; record how it went once it has happened."
            : null;

    private static string FeedbackNote(FeedbackInput input)
    {
        if (input.Happened == false)
        {
            return "Did not happen" + (string.IsNullOrWhiteSpace(input.Comment) ? string.Empty : " · " + input.Comment.Trim());
        }

        var parts = new List<string> { $"Quality {input.Quality}/5" };
        if (input.WouldUseAgain is { } again)
        {
            parts.Add(again ? "would use again" : "would not use again");
        }

        if (!string.IsNullOrWhiteSpace(input.Comment))
        {
            parts.Add(input.Comment.Trim());
        }

        return string.Join(" · ", parts);
    }

    /// <summary>The actor with their display name (the sign-in name is an e-mail address), for the history and the mail.</summary>
    private async Task<RequestActor> NamedAsync(RequestActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.DisplayName, u.TimeZone, u.DateStyle, u.Hour12 }).FirstOrDefaultAsync(cancellationToken);
        actorFormat = user is null ? PersonalFormat.Default : PersonalFormat.Of(user.TimeZone, user.DateStyle, user.Hour12);
        return string.IsNullOrWhiteSpace(user?.DisplayName) ? actor : actor with { Name = user.DisplayName };
    }

    private static string PersonName(string? first, string? last) => string.Join(' ', new[] { first, last }.Where(n => !string.IsNullOrWhiteSpace(n)));

    private static string? Truncate(string? note) => note is { Length: > 2000 } ? note[..2000] : note;

    /// <summary>
    /// Mails the calendar invitation of a booking to the advocate and the requester; or, <paramref name="cancelled"/>, its
    /// cancellation. The invitation is in the advocate's time zone (they offered the time in it); each mail's text gives
    /// the time in its reader's own zone.
    /// </summary>
    private async Task QueueInvitesAsync(int id, int participantId, CancellationToken cancellationToken, bool cancelled = false)
    {
        var data = await db.RequestParticipants.AsNoTracking().Where(p => p.Id == participantId)
            .Select(p => new
            {
                p.ScheduledStart,
                p.ScheduledMinutes,
                p.JoinDetails,
                p.Advocate!.Contact!.Email,
                p.Advocate.Contact.FirstName,
                p.Advocate.Contact.LastName,
                p.Advocate.TimeZone,
                p.Advocate.PreferredChannel,
                AccountName = db.Accounts.Where(a => a.Id == p.Advocate.AccountId).Select(a => a.Name).FirstOrDefault(),
            })
            .FirstAsync(cancellationToken);
        var request = await db.ReferenceRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ActivityType, r.RequesterId, ProductNames = r.Products.Join(db.Products, x => x.ProductId, x => x.Id, (_, x) => x.Name).ToList() })
            .FirstAsync(cancellationToken);
        var prospect = await ProspectOfAsync(id, cancellationToken);
        var requester = await db.Users.AsNoTracking().Where(u => u.Id == request.RequesterId)
            .Select(u => new { u.Email, u.DisplayName, u.TimeZone, u.DateStyle, u.Hour12 }).FirstOrDefaultAsync(cancellationToken);
        var advocateName = PersonName(data.FirstName, data.LastName);
        var requesterName = requester?.DisplayName ?? requester?.Email ?? "The requester";
        var attendees = new List<(string Name, string Email, PersonalFormat Format)>();
        if (!string.IsNullOrWhiteSpace(data.Email))
        {
            attendees.Add((advocateName, data.Email, PersonalFormat.Of(data.TimeZone)));
        }

        if (!string.IsNullOrWhiteSpace(requester?.Email))
        {
            attendees.Add((requesterName, requester.Email, PersonalFormat.Of(requester.TimeZone, requester.DateStyle, requester.Hour12)));
        }

        var booking = new BookingText(request.ActivityType, prospect, advocateName, data.AccountName, requesterName, requester?.Email, request.ProductNames, data.JoinDetails, data.PreferredChannel, id);
        var start = data.ScheduledStart!.Value;
        var invite = new CalendarInvite(
            $"endorse-request-{id}-participant-{participantId}@endorse",
            start,
            TimeSpan.FromMinutes(data.ScheduledMinutes),
            booking.Summary,
            booking.Description,
            requester?.Email ?? "noreply@endorse.invalid",
            [.. attendees.Select(a => (a.Name, a.Email))],
            Sequence: cancelled ? 1 : 0,
            Cancelled: cancelled)
        {
            TimeZone = TimeZones.Normalize(data.TimeZone) ?? TimeZones.Normalize(requester?.TimeZone) ?? TimeZones.Utc,
            Location = data.JoinDetails,
            OrganizerName = requesterName,
        };
        var ics = Encoding.UTF8.GetBytes(invite.ToIcs(clock.GetUtcNow()));
        foreach (var (name, email, format) in attendees)
        {
            await notifier.QueueMailAsync(new OutboundMail
            {
                To = email,
                ToName = name,
                Subject = booking.Subject(cancelled, format.Slot(start)),
                TextBody = booking.MailText(cancelled, format.Slot(start), data.ScheduledMinutes),
                AttachmentName = cancelled ? "cancel.ics" : "invite.ics",
                AttachmentMediaType = cancelled ? CalendarInvite.CancelMediaType : CalendarInvite.MediaType,
                AttachmentContent = ics,
            }, cancellationToken);
        }
    }

    private async Task<FatigueResult> EvaluateAsync(FatiguePolicy policy, Advocate advocate, ActivityType type, DateOnly date, CancellationToken cancellationToken)
    {
        // The readiness facts (big bids, gates set on the account) as well as the account row: one rule set with matching.
        var account = await Readiness.ReadinessQueries.AccountStateAsync(db, advocate.AccountId, cancellationToken)
            ?? throw new InvalidOperationException($"Account {advocate.AccountId} of advocate {advocate.Id} does not exist.");
        var activities = await db.AdvocacyActivities.AsNoTracking()
            .Where(a => (a.AdvocateId == advocate.Id || a.AccountId == advocate.AccountId)
                && (a.State == AdvocacyActivityState.Booked || a.State == AdvocacyActivityState.Completed))
            .Select(a => new ActivityRecord(a.OccurredOn, a.ActivityType, a.AdvocateId, a.AccountId))
            .ToListAsync(cancellationToken);
        var preferences = new AdvocatePreferences
        {
            MaxActivitiesPerQuarter = advocate.MaxActivitiesPerQuarter,
            Blackouts = advocate.Blackouts.Select(b => new DateRange(b.From, b.To)).ToList(),
        };
        return FatigueCheck.Evaluate(policy, preferences, new AdvocateState(advocate.Id, advocate.Status, advocate.RestingUntil), account, activities, type, date);
    }

    private async Task SetActivityAsync(int participantId, AdvocacyActivityState state, int? quality, CancellationToken cancellationToken)
    {
        var activity = await db.AdvocacyActivities.FirstOrDefaultAsync(a => a.ParticipantId == participantId && a.State == AdvocacyActivityState.Booked, cancellationToken);
        if (activity is not null)
        {
            activity.State = state;
            activity.Quality = quality;
            usageChanged.Add(activity.AdvocateId);
        }
    }

    /// <summary>Notes a booked approach being cancelled (a scheduled one has a start), for the calendar cancellation.</summary>
    private void CancelBooking(RequestParticipant participant)
    {
        if (participant.ScheduledStart is not null)
        {
            bookingsCancelled.Add(participant.Id);
        }
    }

    /// <summary>Tells the match index which advocates' usage changed, after the change is committed (so its reload sees it).</summary>
    private void InvalidateChangedUsage()
    {
        foreach (var advocateId in usageChanged)
        {
            matching.Index.Invalidate(advocateId);
        }

        usageChanged.Clear();
    }

    private static void Recompute(ReferenceRequest request) =>
        request.Status = RequestWorkflow.StatusOf(request.Status == RequestStatus.Cancelled, request.AdvocatesNeeded, request.Participants.Select(p => p.Status).ToList());

    private RequestEvent Event(int requestId, int? participantId, string from, string to, RequestActor actor, string? note) => new()
    {
        RequestId = requestId,
        ParticipantId = participantId,
        From = from,
        To = to,
        At = clock.GetUtcNow(),
        ById = actor.UserId,
        ByName = actor.Name,
        Note = Truncate(note),
    };

    private static IReadOnlyList<DateTimeOffset> Slots(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : JsonSerializer.Deserialize<List<DateTimeOffset>>(json) ?? [];

    private IQueryable<RequestRow> Rows(IQueryable<ReferenceRequest> requests) => requests.Select(r => new RequestRow(
        r.Id,
        r.ProspectName,
        r.OpportunityId,
        db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Name).FirstOrDefault(),
        r.ActivityType,
        r.Status,
        r.Mode,
        r.NeededBy,
        r.AdvocatesNeeded,
        r.RequesterName,
        r.CreatedAt));

    private async Task<Page<RequestRow>> WithFlagsAsync(IQueryable<RequestRow> rows, PageRequest page, CancellationToken cancellationToken)
    {
        var result = await rows.ToPageAsync(page, cancellationToken);
        var today = Today;
        return result with
        {
            Items = result.Items.Select(r => r with
            {
                Overdue = RequestWorkflow.IsOverdue(r.Status, r.NeededBy, today),
                DueSoon = RequestWorkflow.IsDueSoon(r.Status, r.NeededBy, today),
            }).ToList(),
        };
    }
}
