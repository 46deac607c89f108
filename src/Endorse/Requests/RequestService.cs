using System.Globalization;
using System.Text;
using System.Text.Json;
using Endorse.Activities;
using Endorse.Advocates;
using Endorse.Data;
using Endorse.Fatigue;
using Endorse.Listing;
using Endorse.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Requests;

/// <summary>
/// Reference requests and their workflow: submit, list, the board, details, and every step of an advocate's
/// approach (propose, owner approval, ask, answer, schedule with a fatigue re-check, complete). The API and the
/// pages both go through here.
/// </summary>
public sealed class RequestService(EndorseDbContext db, Notifier notifier, TimeProvider clock)
{
    public const string BookedBySomeoneElse = "This advocate was just booked by someone else; caps re-checked: ";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<RequestOutcome<RequestDetails>> SubmitAsync(RequestInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var errors = RequestRules.Validate(input, Today);
        if (input.OpportunityId is { } opportunityId && !await db.Opportunities.AnyAsync(o => o.Id == opportunityId, cancellationToken))
        {
            errors.Add(nameof(RequestInput.OpportunityId), "No opportunity has this id.");
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
            ProductId = input.ProductId,
            SectorId = input.SectorId,
            RegionId = input.RegionId,
            SizeBand = input.SizeBand,
            MinimumSeniority = input.MinimumSeniority,
            Language = string.IsNullOrWhiteSpace(input.Language) ? null : input.Language.Trim().ToLowerInvariant(),
            AdvocatesNeeded = input.AdvocatesNeeded ?? 1,
            NeededBy = input.NeededBy!.Value,
            Mode = await ProgramSettingsReader.ModeAsync(db, type, cancellationToken),
            Status = RequestStatus.Submitted,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes,
        };
        db.ReferenceRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        db.RequestEvents.Add(Event(request.Id, null, "-", nameof(RequestStatus.Submitted), actor, null));
        await db.SaveChangesAsync(cancellationToken);
        return RequestOutcome.Ok((await GetAsync(request.Id, actor, cancellationToken))!);
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
        var request = await db.ReferenceRequests.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new
            {
                Request = r,
                OpportunityName = db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        var r = request.Request;
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
        var history = await db.RequestEvents.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventView(e.At, e.ParticipantId, e.From, e.To, e.ByName, e.Note))
            .ToListAsync(cancellationToken);
        var today = Today;
        return new RequestDetails(
            r.Id, r.RequesterId, r.RequesterName, r.OpportunityId, request.OpportunityName, r.ProspectName, r.ActivityType, r.ProductId, r.SectorId,
            r.RegionId, r.SizeBand, r.MinimumSeniority, r.Language, r.AdvocatesNeeded, r.NeededBy, r.Mode, r.Status, r.Notes, r.CreatedAt,
            participants.Select(p => new ParticipantView(
                p.Participant.Id,
                p.Participant.AdvocateId,
                string.Join(' ', new[] { p.FirstName, p.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
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
                Actions = RequestRules.ActionsFor(p.Participant.Status, r.Mode, r.RequesterId, p.OwnerId, actor),
            }).ToList(),
            history)
        {
            Overdue = RequestWorkflow.IsOverdue(r.Status, r.NeededBy, today),
            DueSoon = RequestWorkflow.IsDueSoon(r.Status, r.NeededBy, today),
        };
    }

    /// <summary>Picks advocates for a request: the reference manager in managed mode, the requester in self-serve.</summary>
    public async Task<RequestOutcome<RequestDetails>> ProposeAsync(int id, ProposeInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var request = await db.ReferenceRequests.Include(r => r.Participants).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return RequestOutcome.Missing<RequestDetails>();
        }

        if (!RequestRules.MayPick(request.Mode, request.RequesterId, actor))
        {
            return RequestOutcome.Denied<RequestDetails>();
        }

        if (request.Status == RequestStatus.Cancelled)
        {
            return RequestOutcome.Refused<RequestDetails>("This request is cancelled.");
        }

        var ids = (input.AdvocateIds ?? []).Distinct().ToList();
        if (ids.Count == 0 || ids.Count > 10)
        {
            return RequestOutcome.Invalid<RequestDetails>(nameof(ProposeInput.AdvocateIds), "Pick between 1 and 10 advocates.");
        }

        var advocates = await db.Advocates.Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.AccountId, OwnerId = db.Accounts.Where(x => x.Id == a.AccountId).Select(x => x.OwnerId).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var errors = new ValidationErrors();
        foreach (var missing in ids.Where(i => advocates.All(a => a.Id != i)))
        {
            errors.Add(nameof(ProposeInput.AdvocateIds), $"No advocate has the id {missing}.");
        }

        foreach (var already in ids.Where(i => request.Participants.Any(p => p.AdvocateId == i)))
        {
            errors.Add(nameof(ProposeInput.AdvocateIds), $"Advocate {already} is already on this request.");
        }

        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        var owners = new List<(string OwnerId, RequestParticipant Participant)>();
        foreach (var advocate in advocates)
        {
            var needsApproval = RequestWorkflow.NeedsOwnerApproval(advocate.OwnerId, actor.UserId);
            var participant = new RequestParticipant
            {
                AdvocateId = advocate.Id,
                Status = needsApproval ? ParticipantStatus.AwaitingOwnerApproval : ParticipantStatus.Asked,
            };
            request.Participants.Add(participant);
            if (needsApproval)
            {
                owners.Add((advocate.OwnerId!, participant));
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Recompute(request);
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
        MoveAsync(id, participantId, ParticipantStatus.Asked, actor, RequestRules.Approver, async (request, participant) =>
        {
            participant.OwnerDecisionById = actor.UserId;
            participant.OwnerDecidedAt = clock.GetUtcNow();
            await PrepareAskAsync(request, participant, actor, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<RequestOutcome<RequestDetails>> BlockAsync(int id, int participantId, BlockInput input, RequestActor actor, CancellationToken cancellationToken = default)
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

        return MoveAsync(id, participantId, ParticipantStatus.OwnerBlocked, actor, RequestRules.Approver, (_, participant) =>
        {
            participant.OwnerDecisionById = actor.UserId;
            participant.OwnerDecidedAt = clock.GetUtcNow();
            participant.Objection = input.Reason;
            participant.ObjectionNote = input.Note;
            return Task.FromResult<string?>(input.Reason + (string.IsNullOrWhiteSpace(input.Note) ? string.Empty : ": " + input.Note));
        }, cancellationToken);
    }

    /// <summary>Sends the advocate a fresh link (asks again when the first mail was lost). Only while Asked.</summary>
    public async Task<RequestOutcome<RequestDetails>> AskAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
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

    /// <summary>What the advocate's link shows.</summary>
    public async Task<PortalView> PortalAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!AskLink.IsWellFormed(token))
        {
            return new PortalView(LinkState.Invalid, null, default, null, default, null, null, default);
        }

        var hash = AskLink.Hash(token!);
        var found = await db.RequestParticipants.AsNoTracking().Where(p => p.AskTokenHash == hash)
            .Select(p => new
            {
                p.Status,
                p.AskExpiresAt,
                p.AnsweredAt,
                p.Advocate!.Contact!.FirstName,
                Request = db.ReferenceRequests.Where(r => r.Id == p.RequestId)
                    .Select(r => new { r.ActivityType, r.ProspectName, r.NeededBy, r.RequesterName, Opportunity = db.Opportunities.Where(o => o.Id == r.OpportunityId).Select(o => o.Account!.Name).FirstOrDefault() })
                    .First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new PortalView(LinkState.Invalid, null, default, null, default, null, null, default);
        }

        var state = found.AnsweredAt is not null || found.Status != ParticipantStatus.Asked
            ? LinkState.Answered
            : found.AskExpiresAt is { } expires && expires <= clock.GetUtcNow() ? LinkState.Expired : LinkState.Open;
        return new PortalView(state, found.FirstName, found.Request.ActivityType, found.Request.ProspectName ?? found.Request.Opportunity, found.Request.NeededBy, found.Request.RequesterName, found.AnsweredAt, found.Status);
    }

    /// <summary>The advocate's answer through their link: accept with up to three time slots, or decline.</summary>
    public async Task<RequestOutcome<PortalView>> AnswerAsync(string? token, bool accept, IReadOnlyList<DateTimeOffset> slots, string? reason, CancellationToken cancellationToken = default)
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
        var participant = await db.RequestParticipants.FirstAsync(p => p.AskTokenHash == hash, cancellationToken);
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

        await notifier.NotifyAsync(
            request.RequesterId,
            accept ? "An advocate accepted your request" : "An advocate declined your request",
            accept ? "Pick one of the times they offered." : participant.DeclineReason,
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

        var policy = await ProgramSettingsReader.FatiguePolicyAsync(db, cancellationToken);
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
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
            Recompute(request);
            db.RequestEvents.Add(Event(request.Id, participant.Id, nameof(ParticipantStatus.Accepted), nameof(ParticipantStatus.Scheduled), actor, slot.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var fresh = await db.Advocates.AsNoTracking().Include(a => a.Blackouts).FirstAsync(a => a.Id == peek.AdvocateId, cancellationToken);
                var recheck = await EvaluateAsync(policy, fresh, request.ActivityType, date, cancellationToken);
                return RequestOutcome.Refused<RequestDetails>(BookedBySomeoneElse + (recheck.CanBook
                    ? "the advocate can still be booked on this date; try again."
                    : string.Join(" ", recheck.Blocks.Select(b => b.Message))));
            }
        }

        await QueueInvitesAsync(id, participantId, cancellationToken);
        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    public async Task<RequestOutcome<RequestDetails>> CompleteAsync(int id, int participantId, FeedbackInput input, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = RequestRules.ValidateFeedback(input);
        if (!errors.IsValid)
        {
            return RequestOutcome.Invalid<RequestDetails>(errors);
        }

        var to = input.Happened == false ? ParticipantStatus.NoShow : ParticipantStatus.Completed;
        return await MoveAsync(id, participantId, to, actor, RequestRules.RequesterOrManager, async (_, participant) =>
        {
            participant.RequesterSaysHappened = input.Happened;
            participant.RequesterQuality = input.Quality;
            participant.RequesterWouldUseAgain = input.WouldUseAgain;
            participant.RequesterComment = input.Comment;
            await SetActivityAsync(participant.Id, to == ParticipantStatus.Completed ? AdvocacyActivityState.Completed : AdvocacyActivityState.NoShow, input.Quality, cancellationToken);
            return input.Comment;
        }, cancellationToken);
    }

    public Task<RequestOutcome<RequestDetails>> NoShowAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(id, participantId, ParticipantStatus.NoShow, actor, RequestRules.RequesterOrManager, async (_, participant) =>
        {
            participant.RequesterSaysHappened = false;
            await SetActivityAsync(participant.Id, AdvocacyActivityState.NoShow, null, cancellationToken);
            return null;
        }, cancellationToken);

    public Task<RequestOutcome<RequestDetails>> CancelParticipantAsync(int id, int participantId, RequestActor actor, CancellationToken cancellationToken = default) =>
        MoveAsync(id, participantId, ParticipantStatus.Cancelled, actor, RequestRules.RequesterOrManager, async (_, participant) =>
        {
            await SetActivityAsync(participant.Id, AdvocacyActivityState.Cancelled, null, cancellationToken);
            return null;
        }, cancellationToken);

    /// <summary>Cancels the whole request: every live approach is cancelled and its booking stops counting.</summary>
    public async Task<RequestOutcome<RequestDetails>> CancelAsync(int id, RequestActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
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
            return RequestOutcome.Refused<RequestDetails>($"This request is {request.Status}; it cannot be cancelled any more.");
        }

        foreach (var participant in request.Participants.Where(p => RequestWorkflow.CanMove(p.Status, ParticipantStatus.Cancelled)))
        {
            db.RequestEvents.Add(Event(request.Id, participant.Id, participant.Status.ToString(), nameof(ParticipantStatus.Cancelled), actor, null));
            participant.Status = ParticipantStatus.Cancelled;
            await SetActivityAsync(participant.Id, AdvocacyActivityState.Cancelled, null, cancellationToken);
        }

        db.RequestEvents.Add(Event(request.Id, null, request.Status.ToString(), nameof(RequestStatus.Cancelled), actor, null));
        request.Status = RequestStatus.Cancelled;
        await db.SaveChangesAsync(cancellationToken);
        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    private async Task<RequestOutcome<RequestDetails>> MoveAsync(
        int id,
        int participantId,
        ParticipantStatus to,
        RequestActor actor,
        Func<ReferenceRequest, string?, RequestActor, bool> mayAct,
        Func<ReferenceRequest, RequestParticipant, Task<string?>> apply,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
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

        var from = participant.Status;
        participant.Status = to;
        var note = await apply(request, participant);
        Recompute(request);
        db.RequestEvents.Add(Event(request.Id, participant.Id, from.ToString(), to.ToString(), actor, note));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RequestOutcome.Refused<RequestDetails>("Someone else changed this request at the same moment; reload it and try again.");
        }

        return RequestOutcome.Ok((await GetAsync(id, actor, cancellationToken))!);
    }

    /// <summary>Creates the advocate's secret link and queues the mail that carries it (saved with the next SaveChanges).</summary>
    private async Task PrepareAskAsync(ReferenceRequest request, RequestParticipant participant, RequestActor actor, CancellationToken cancellationToken)
    {
        var contact = await db.Advocates.AsNoTracking().Where(a => a.Id == participant.AdvocateId)
            .Select(a => new { a.Contact!.Email, a.Contact.FirstName, a.Contact.LastName })
            .FirstAsync(cancellationToken);
        var token = AskLink.Create();
        var now = clock.GetUtcNow();
        participant.AskTokenHash = AskLink.Hash(token);
        participant.AskedAt = now;
        participant.AskExpiresAt = now + AskLink.Lifetime;
        if (string.IsNullOrWhiteSpace(contact.Email))
        {
            return;
        }

        var link = AskLink.Path(token);
        var text = $"Hello {contact.FirstName},\n\n{actor.Name ?? "We"} would be grateful for your help with a {ActivityTypes.Singular(request.ActivityType)} " +
            $"before {request.NeededBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.\n\nPlease answer here (the link works for 14 days): {link}";
        db.OutboundMails.Add(new OutboundMail
        {
            To = contact.Email,
            ToName = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrWhiteSpace(n))),
            Subject = $"Could you help with a {ActivityTypes.Singular(request.ActivityType)}?",
            TextBody = text,
            HtmlBody = "<p>" + System.Net.WebUtility.HtmlEncode(text).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>",
            Status = MailStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }

    private async Task QueueInvitesAsync(int id, int participantId, CancellationToken cancellationToken)
    {
        var data = await db.RequestParticipants.AsNoTracking().Where(p => p.Id == participantId)
            .Select(p => new
            {
                p.ScheduledStart,
                p.ScheduledMinutes,
                p.Advocate!.Contact!.Email,
                p.Advocate.Contact.FirstName,
                p.Advocate.Contact.LastName,
            })
            .FirstAsync(cancellationToken);
        var request = await db.ReferenceRequests.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.ActivityType, r.RequesterId }).FirstAsync(cancellationToken);
        var requester = await db.Users.AsNoTracking().Where(u => u.Id == request.RequesterId).Select(u => new { u.Email, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        var advocateName = string.Join(' ', new[] { data.FirstName, data.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
        var attendees = new List<(string Name, string Email)>();
        if (!string.IsNullOrWhiteSpace(data.Email))
        {
            attendees.Add((advocateName, data.Email));
        }

        if (!string.IsNullOrWhiteSpace(requester?.Email))
        {
            attendees.Add((requester.DisplayName ?? requester.Email, requester.Email));
        }

        var summary = $"{ActivityTypes.Singular(request.ActivityType)} (Endorse request #{id})";
        var invite = new CalendarInvite(
            $"endorse-request-{id}-participant-{participantId}@endorse",
            data.ScheduledStart!.Value,
            TimeSpan.FromMinutes(data.ScheduledMinutes),
            summary,
            $"Arranged through Endorse for request #{id}.",
            requester?.Email ?? "noreply@endorse.invalid",
            attendees);
        var ics = Encoding.UTF8.GetBytes(invite.ToIcs(clock.GetUtcNow()));
        foreach (var (name, email) in attendees)
        {
            await notifier.QueueMailAsync(new OutboundMail
            {
                To = email,
                ToName = name,
                Subject = "Scheduled: " + summary,
                TextBody = $"{summary} is scheduled for {data.ScheduledStart.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. The calendar invitation is attached.",
                AttachmentName = "invite.ics",
                AttachmentMediaType = CalendarInvite.MediaType,
                AttachmentContent = ics,
            }, cancellationToken);
        }
    }

    private async Task<FatigueResult> EvaluateAsync(FatiguePolicy policy, Advocate advocate, ActivityType type, DateOnly date, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().Where(a => a.Id == advocate.AccountId)
            .Select(a => new AccountState(a.Id)
            {
                OpenEscalations = a.OpenEscalations,
                SatisfactionKind = a.SatisfactionKind,
                SatisfactionScore = a.SatisfactionScore,
                RenewalOn = a.RenewalOn,
                DisclosurePermission = a.DisclosurePermission,
            })
            .FirstAsync(cancellationToken);
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
        }
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
        Note = note is { Length: > 2000 } ? note[..2000] : note,
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
