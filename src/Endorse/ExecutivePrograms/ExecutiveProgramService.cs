using System.Globalization;
using System.Runtime.CompilerServices;
using Endorse.Accounts;
using Endorse.Data;
using Endorse.Discovery;
using Endorse.Listing;
using Endorse.Notifications;
using Endorse.Outcomes;
using Endorse.Settings;
using Endorse.Users;
using Microsoft.EntityFrameworkCore;

namespace Endorse.ExecutivePrograms;

/// <summary>
/// The company's executive programs (peering, briefing, panel, club): their events, the customer executives who take part
/// (each paired with a company executive), and the commitments members make, tracked to delivery with reminders.
/// </summary>
public sealed class ExecutiveProgramService(EndorseDbContext db, TimeProvider clock, Notifier notifier, DiscoveryIndex discovery)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Who runs executive programs: administrators, reference managers, marketing and executives.</summary>
    public static bool MayManage(Actor actor) => actor is not null && (actor.IsReferenceManager || actor.IsIn(Roles.Marketing, Roles.Executive));

    public IQueryable<ProgramRow> Query(ProgramFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = Today;
        var programs = db.ExecutivePrograms.AsNoTracking();
        if (filter.Id is { } id)
        {
            programs = programs.Where(p => p.Id == id);
        }

        if (filter.Kind is { } kind)
        {
            programs = programs.Where(p => p.Kind == kind);
        }

        if (filter.Active is { } active)
        {
            programs = programs.Where(p => p.IsActive == active);
        }

        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            programs = programs.WherePrefix(p => p.NameSearch, search);
        }

        return programs.OrderBy(p => p.NameSearch).ThenBy(p => p.Id).Select(p => new ProgramRow(
            p.Id, p.Name, p.Kind, p.Description, p.OwnerId,
            db.Users.Where(u => u.Id == p.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            p.IsActive,
            db.ExecutiveProgramMembers.Count(m => m.ProgramId == p.Id && m.LeftOn == null),
            db.ExecutiveCommitments.Count(c => c.ProgramId == p.Id && c.Status == CommitmentStatus.Open),
            db.ExecutiveProgramEvents.Where(e => e.ProgramId == p.Id && e.HeldOn >= today).OrderBy(e => e.HeldOn).Select(e => (DateOnly?)e.HeldOn).FirstOrDefault(),
            p.UpdatedAt));
    }

    public Task<Page<ProgramRow>> ListAsync(ProgramFilter filter, PageRequest request, CancellationToken cancellationToken = default) =>
        Query(filter).ToPageAsync(request, cancellationToken);

    public async IAsyncEnumerable<ProgramCsvRow> ExportAsync(ProgramFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var p in Query(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new ProgramCsvRow(p.Id, p.Name, ExecutiveProgramText.Kind(p.Kind), p.OwnerName, p.IsActive, p.Members, p.OpenCommitments, p.NextEvent is { } next ? Date(next) : null, p.Description);
        }
    }

    public async Task<ProgramDetails?> GetAsync(int id, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var program = await Query(new ProgramFilter(Id: id)).FirstOrDefaultAsync(cancellationToken);
        if (program is null)
        {
            return null;
        }

        var members = await Members(id).ToListAsync(cancellationToken);
        var memberNames = members.ToDictionary(m => m.Id, m => m.ContactName);
        var events = await db.ExecutiveProgramEvents.AsNoTracking().Where(e => e.ProgramId == id).OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        var eventIds = events.Select(e => e.Id).ToList();
        var attendance = (await db.ExecutiveEventAttendances.AsNoTracking().Where(a => eventIds.Contains(a.EventId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.EventId, a => a.MemberId);
        var eventRows = events.Select(e =>
        {
            var attendees = attendance[e.Id].Order().ToList();
            return new EventRow(e.Id, e.ProgramId, e.Title, e.HeldOn, e.Location, e.Notes, attendees, [.. attendees.Select(m => memberNames.GetValueOrDefault(m) ?? $"member {m}")]);
        }).ToList();
        var commitments = await Commitments(new CommitmentFilter(ProgramId: id)).ToListAsync(cancellationToken);
        return new ProgramDetails(program, members, eventRows, commitments, MayManage(actor));
    }

    public async Task<Outcome<ProgramRow>> CreateAsync(ProgramInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayManage(actor))
        {
            return Outcome.Denied<ProgramRow>();
        }

        var errors = await ValidateAsync(input, null, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<ProgramRow>(errors);
        }

        var program = new ExecutiveProgram { Name = input.Name!.Trim() };
        Apply(program, input);
        db.ExecutivePrograms.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await Query(new ProgramFilter(Id: program.Id)).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<ProgramRow>> UpdateAsync(int id, ProgramInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var program = await db.ExecutivePrograms.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (program is null)
        {
            return Outcome.Missing<ProgramRow>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<ProgramRow>();
        }

        var errors = await ValidateAsync(input, id, cancellationToken);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<ProgramRow>(errors);
        }

        if (input.UpdatedAt is { } read && read != program.UpdatedAt)
        {
            return Outcome.Stale<ProgramRow>("program");
        }

        var wasActive = program.IsActive;
        program.Name = input.Name!.Trim();
        Apply(program, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<ProgramRow>("program");
        }

        if (wasActive != program.IsActive)
        {
            await InvalidateMembersAsync(id, cancellationToken);
        }

        return Outcome.Ok(await Query(new ProgramFilter(Id: program.Id)).FirstAsync(cancellationToken));
    }

    /// <summary>Adds a customer executive to a program, paired with a company executive. Only customers' contacts; one membership a program.</summary>
    public async Task<Outcome<MemberRow>> AddMemberAsync(int programId, MemberInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!await db.ExecutivePrograms.AnyAsync(p => p.Id == programId, cancellationToken))
        {
            return Outcome.Missing<MemberRow>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<MemberRow>();
        }

        var errors = new ValidationErrors().MaxLength("notes", input.Notes, "Notes", 2000);
        var contact = input.ContactId is { } contactId
            ? await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => new { c.Id, c.FirstName, c.LastName, c.AccountId, Account = c.Account! }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (contact is null)
        {
            errors.Add("contactId", input.ContactId is null ? "Choose the customer executive (a contact)." : $"There is no contact {input.ContactId}.");
        }

        if (string.IsNullOrWhiteSpace(input.CompanyExecutiveId))
        {
            errors.Add("companyExecutiveId", "Pair the member with a company executive (a user).");
        }
        else if (!await db.Users.AnyAsync(u => u.Id == input.CompanyExecutiveId && u.IsActive, cancellationToken))
        {
            errors.Add("companyExecutiveId", "The company executive must be an active user.");
        }

        var joined = input.JoinedOn ?? Today;
        if (joined > Today.AddDays(365))
        {
            errors.Add("joinedOn", "The day they join must be within a year from today.");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<MemberRow>(errors);
        }

        if (!CustomerRule.IsCustomer(contact!.Account))
        {
            return Outcome.Refused<MemberRow>(CustomerRule.NotACustomer(contact.Account.Name, contact.Account.Relationship, "only customers' executives can join an executive program"));
        }

        if (await db.ExecutiveProgramMembers.AnyAsync(m => m.ProgramId == programId && m.ContactId == contact.Id && m.LeftOn == null, cancellationToken))
        {
            var name = string.IsNullOrWhiteSpace(contact.FirstName) ? contact.LastName : $"{contact.FirstName} {contact.LastName}";
            return Outcome.Refused<MemberRow>($"{name} is already a member of this program.");
        }

        var member = new ExecutiveProgramMember
        {
            ProgramId = programId,
            ContactId = contact.Id,
            AccountId = contact.AccountId,
            CompanyExecutiveId = input.CompanyExecutiveId!,
            JoinedOn = joined,
            Notes = Blank(input.Notes),
        };
        db.ExecutiveProgramMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        discovery.Invalidate(contact.AccountId);
        return Outcome.Ok(await Members(programId, member.Id).FirstAsync(cancellationToken));
    }

    /// <summary>A member leaves the program (kept in its history).</summary>
    public async Task<Outcome<MemberRow>> LeaveAsync(int programId, int memberId, DateOnly? leftOn, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var member = await db.ExecutiveProgramMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.ProgramId == programId, cancellationToken);
        if (member is null)
        {
            return Outcome.Missing<MemberRow>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<MemberRow>();
        }

        var day = leftOn ?? Today;
        if (day < member.JoinedOn)
        {
            return Outcome.Invalid<MemberRow>("leftOn", $"A member cannot leave before joining on {Date(member.JoinedOn)}.");
        }

        if (member.LeftOn is { } left)
        {
            return Outcome.Refused<MemberRow>($"This member already left on {Date(left)}.");
        }

        member.LeftOn = day;
        await db.SaveChangesAsync(cancellationToken);
        discovery.Invalidate(member.AccountId);
        return Outcome.Ok(await Members(programId, member.Id).FirstAsync(cancellationToken));
    }

    public async Task<Outcome<EventRow>> AddEventAsync(int programId, EventInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!await db.ExecutivePrograms.AnyAsync(p => p.Id == programId, cancellationToken))
        {
            return Outcome.Missing<EventRow>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<EventRow>();
        }

        var errors = new ValidationErrors()
            .Required("title", input.Title, "Title", 200)
            .MaxLength("location", input.Location, "Location", 200)
            .MaxLength("notes", input.Notes, "Notes", 2000);
        if (input.HeldOn is null)
        {
            errors.Add("heldOn", "Give the day of the event.");
        }

        var attendees = (input.AttendeeMemberIds ?? []).Distinct().ToList();
        var known = await db.ExecutiveProgramMembers.Where(m => m.ProgramId == programId && attendees.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        if (known.Count != attendees.Count)
        {
            errors.Add("attendeeMemberIds", $"Not members of this program: {string.Join(", ", attendees.Except(known))}.");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<EventRow>(errors);
        }

        var ev = new ExecutiveProgramEvent { ProgramId = programId, Title = input.Title!.Trim(), HeldOn = input.HeldOn!.Value, Location = Blank(input.Location), Notes = Blank(input.Notes) };
        db.ExecutiveProgramEvents.Add(ev);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var memberId in attendees)
        {
            db.ExecutiveEventAttendances.Add(new ExecutiveEventAttendance { EventId = ev.Id, MemberId = memberId });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var details = await GetAsync(programId, new Actor(null, null, []), cancellationToken);
        return Outcome.Ok(details!.Events.First(e => e.Id == ev.Id));
    }

    public async Task<Outcome<bool>> DeleteEventAsync(int programId, int eventId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var ev = await db.ExecutiveProgramEvents.FirstOrDefaultAsync(e => e.Id == eventId && e.ProgramId == programId, cancellationToken);
        if (ev is null)
        {
            return Outcome.Missing<bool>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<bool>();
        }

        db.ExecutiveProgramEvents.Remove(ev);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(true);
    }

    public IQueryable<CommitmentRow> Commitments(CommitmentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var today = Today;
        var commitments = db.ExecutiveCommitments.AsNoTracking();
        if (filter.Id is { } only)
        {
            commitments = commitments.Where(c => c.Id == only);
        }

        if (filter.ProgramId is { } programId)
        {
            commitments = commitments.Where(c => c.ProgramId == programId);
        }

        if (filter.Status is { } status)
        {
            commitments = commitments.Where(c => c.Status == status);
        }

        if (filter.OverdueOnly)
        {
            commitments = commitments.Where(c => c.Status == CommitmentStatus.Open && c.DueOn < today);
        }

        if (filter.Kind is { } kind)
        {
            commitments = commitments.Where(c => c.Kind == kind);
        }

        var joined = commitments
            .Join(db.ExecutiveProgramMembers, c => c.MemberId, m => m.Id, (c, m) => new { c, m.CompanyExecutiveId, m.Contact })
            .Join(db.Accounts, x => x.c.AccountId, a => a.Id, (x, a) => new { x.c, x.CompanyExecutiveId, x.Contact, a.Name, a.NameSearch })
            .Join(db.ExecutivePrograms, x => x.c.ProgramId, p => p.Id, (x, p) => new { x.c, x.CompanyExecutiveId, x.Contact, x.Name, x.NameSearch, Program = p.Name });
        var search = SearchText.Normalize(filter.Search);
        if (search.Length > 0)
        {
            joined = joined.WherePrefix(x => x.NameSearch, search);
        }

        return joined.OrderBy(x => x.c.Status).ThenBy(x => x.c.DueOn).ThenBy(x => x.c.Id).Select(x => new CommitmentRow(
            x.c.Id, x.c.ProgramId, x.Program, x.c.MemberId, x.c.ContactId,
            x.Contact!.FirstName == null || x.Contact.FirstName == "" ? x.Contact.LastName : x.Contact.FirstName + " " + x.Contact.LastName,
            x.c.AccountId, x.Name, x.c.Kind, x.c.Description, x.c.DueOn, x.c.Status, x.c.DeliveredOn, x.c.Outcome,
            x.c.Status == CommitmentStatus.Open && x.c.DueOn < today,
            db.Users.Where(u => u.Id == x.CompanyExecutiveId).Select(u => u.DisplayName).FirstOrDefault(),
            x.c.UpdatedAt));
    }

    public Task<Page<CommitmentRow>> ListCommitmentsAsync(CommitmentFilter filter, PageRequest request, CancellationToken cancellationToken = default) =>
        Commitments(filter).ToPageAsync(request, cancellationToken);

    public async IAsyncEnumerable<CommitmentCsvRow> ExportCommitmentsAsync(CommitmentFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var c in Commitments(filter).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new CommitmentCsvRow(
                c.Id, c.ProgramName, c.ContactName, c.AccountName, ExecutiveProgramText.Commitment(c.Kind), c.Description, Date(c.DueOn),
                c.Overdue ? "Overdue" : ExecutiveProgramText.Status(c.Status), c.DeliveredOn is { } d ? Date(d) : null, c.Outcome, c.CompanyExecutiveName);
        }
    }

    /// <summary>Records a member's commitment (a blog, a case study, a talk, a reference call) with its due day.</summary>
    public async Task<Outcome<CommitmentRow>> AddCommitmentAsync(int programId, CommitmentInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!await db.ExecutivePrograms.AnyAsync(p => p.Id == programId, cancellationToken))
        {
            return Outcome.Missing<CommitmentRow>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<CommitmentRow>();
        }

        var errors = new ValidationErrors().MaxLength("description", input.Description, "Description", 1000);
        var member = input.MemberId is { } memberId
            ? await db.ExecutiveProgramMembers.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.ProgramId == programId, cancellationToken)
            : null;
        if (member is null)
        {
            errors.Add("memberId", "Choose the member who made the commitment.");
        }

        if (input.Kind is not { } kind)
        {
            errors.Add("kind", "Choose what they committed to: Blog, CaseStudy, Talk or ReferenceCall.");
        }
        else
        {
            errors.Defined("kind", kind, "Kind");
        }

        if (input.DueOn is null)
        {
            errors.Add("dueOn", "Give the day it is due.");
        }
        else if (input.DueOn < Today)
        {
            errors.Add("dueOn", "The due day must be today or later.");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<CommitmentRow>(errors);
        }

        if (member!.LeftOn is { } left)
        {
            return Outcome.Refused<CommitmentRow>($"This member left the program on {Date(left)}.");
        }

        var commitment = new ExecutiveCommitment
        {
            ProgramId = programId,
            MemberId = member.Id,
            ContactId = member.ContactId,
            AccountId = member.AccountId,
            Kind = input.Kind!.Value,
            Description = Blank(input.Description),
            DueOn = input.DueOn!.Value,
        };
        db.ExecutiveCommitments.Add(commitment);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await Commitments(new CommitmentFilter(Id: commitment.Id)).FirstAsync(cancellationToken));
    }

    /// <summary>Delivers, drops or reschedules a commitment.</summary>
    public async Task<Outcome<CommitmentRow>> UpdateCommitmentAsync(int commitmentId, CommitmentUpdate input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        var commitment = await db.ExecutiveCommitments.FirstOrDefaultAsync(c => c.Id == commitmentId, cancellationToken);
        if (commitment is null)
        {
            return Outcome.Missing<CommitmentRow>();
        }

        if (!MayManage(actor))
        {
            return Outcome.Denied<CommitmentRow>();
        }

        var today = Today;
        var errors = new ValidationErrors().MaxLength("outcome", input.Outcome, "Outcome", 1000);
        var status = input.Status ?? commitment.Status;
        errors.Defined("status", status, "Status");
        if (status == CommitmentStatus.Delivered && (input.DeliveredOn ?? today) > today)
        {
            errors.Add("deliveredOn", "A commitment is delivered on a day that has come.");
        }

        if (status == CommitmentStatus.Dropped && string.IsNullOrWhiteSpace(input.Outcome))
        {
            errors.Add("outcome", "Say why the commitment was dropped.");
        }

        if (input.DueOn is { } due && due < today && status == CommitmentStatus.Open)
        {
            errors.Add("dueOn", "The new due day must be today or later.");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<CommitmentRow>(errors);
        }

        if (commitment.Status != CommitmentStatus.Open && status != CommitmentStatus.Open)
        {
            return Outcome.Refused<CommitmentRow>($"This commitment is already {ExecutiveProgramText.Status(commitment.Status).ToLowerInvariant()}; reopen it first.");
        }

        if (input.UpdatedAt is { } read && read != commitment.UpdatedAt)
        {
            return Outcome.Stale<CommitmentRow>("commitment");
        }

        commitment.Status = status;
        commitment.DeliveredOn = status == CommitmentStatus.Delivered ? input.DeliveredOn ?? today : null;
        commitment.Outcome = status == CommitmentStatus.Open ? commitment.Outcome : Blank(input.Outcome);
        if (input.DueOn is { } newDue && newDue != commitment.DueOn)
        {
            commitment.DueOn = newDue;
            commitment.ReminderOn = null;
            commitment.OverdueNoticeOn = null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.Stale<CommitmentRow>("commitment");
        }

        return Outcome.Ok(await Commitments(new CommitmentFilter(Id: commitment.Id)).FirstAsync(cancellationToken));
    }

    /// <summary>
    /// The daily reminders: each open commitment is announced once when it comes within the reminder period and once when
    /// overdue, to the member's company executive and the program's owner; notice and mark are saved together.
    /// </summary>
    public async Task<int> SendRemindersAsync(CancellationToken cancellationToken = default)
    {
        var settings = await SourcingSettings.ReadAsync(db, cancellationToken);
        var today = Today;
        var soon = today.AddDays(settings.CommitmentReminderDays);
        var ids = await db.ExecutiveCommitments.AsNoTracking()
            .Where(c => c.Status == CommitmentStatus.Open && ((c.ReminderOn == null && c.DueOn >= today && c.DueOn <= soon) || (c.OverdueNoticeOn == null && c.DueOn < today)))
            .OrderBy(c => c.DueOn).ThenBy(c => c.Id).Select(c => c.Id).Take(5000).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var c = await db.ExecutiveCommitments.FirstAsync(x => x.Id == id, cancellationToken);
            var info = await db.ExecutiveProgramMembers.AsNoTracking().Where(m => m.Id == c.MemberId)
                .Select(m => new { m.CompanyExecutiveId, m.Contact!.FirstName, m.Contact.LastName, Program = db.ExecutivePrograms.Where(p => p.Id == m.ProgramId).Select(p => new { p.Name, p.OwnerId }).First() })
                .FirstAsync(cancellationToken);
            var member = string.IsNullOrWhiteSpace(info.FirstName) ? info.LastName : $"{info.FirstName} {info.LastName}";
            var what = $"{ExecutiveProgramText.Commitment(c.Kind).ToLowerInvariant()}{(c.Description is null ? "" : $" ({c.Description})")}";
            string title;
            if (c.DueOn < today)
            {
                c.OverdueNoticeOn = today;
                c.ReminderOn ??= today;
                title = $"Overdue commitment: {member}'s {what}, due {Date(c.DueOn)}";
            }
            else
            {
                c.ReminderOn = today;
                title = $"Commitment due {Date(c.DueOn)}: {member}'s {what}";
            }

            var body = $"{member} committed to a {what} in the {info.Program.Name} program. Check in with them, or record it as delivered or dropped.";
            var recipients = new[] { info.CompanyExecutiveId, info.Program.OwnerId }.Where(u => u is not null).Select(u => u!).Distinct().ToList();
            var active = await db.Users.AsNoTracking().Where(u => recipients.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
            try
            {
                if (active.Count == 0)
                {
                    await db.SaveChangesAsync(cancellationToken);
                }

                foreach (var user in active)
                {
                    await notifier.NotifyAsync(user, title, body, $"/executive-programs/{c.ProgramId}", sendEmail: true, cancellationToken);
                    sent++;
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                // Changed meanwhile: the next run decides again.
            }
        }

        db.ChangeTracker.Clear();
        return sent;
    }

    private IQueryable<MemberRow> Members(int programId, int? memberId = null) =>
        db.ExecutiveProgramMembers.AsNoTracking().Where(m => m.ProgramId == programId && (memberId == null || m.Id == memberId))
            .OrderBy(m => m.LeftOn != null).ThenBy(m => m.Contact!.NameSearch).ThenBy(m => m.Id)
            .Select(m => new MemberRow(
                m.Id, m.ProgramId, m.ContactId,
                m.Contact!.FirstName == null || m.Contact.FirstName == "" ? m.Contact.LastName : m.Contact.FirstName + " " + m.Contact.LastName,
                m.Contact.Title, m.Contact.SeniorityTier, m.AccountId, m.Contact.Account!.Name, m.CompanyExecutiveId,
                db.Users.Where(u => u.Id == m.CompanyExecutiveId).Select(u => u.DisplayName).FirstOrDefault(),
                m.JoinedOn, m.LeftOn, m.Notes, db.Advocates.Any(a => a.ContactId == m.ContactId), m.UpdatedAt));

    private async Task InvalidateMembersAsync(int programId, CancellationToken cancellationToken)
    {
        foreach (var accountId in await db.ExecutiveProgramMembers.AsNoTracking().Where(m => m.ProgramId == programId).Select(m => m.AccountId).Distinct().ToListAsync(cancellationToken))
        {
            discovery.Invalidate(accountId);
        }
    }

    private async Task<ValidationErrors> ValidateAsync(ProgramInput input, int? id, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors()
            .Required("name", input.Name, "Name", 200)
            .MaxLength("description", input.Description, "Description", 2000);
        if (input.Kind is not { } kind)
        {
            errors.Add("kind", "Choose the kind of program: Peering, Briefing, Panel or Club.");
        }
        else
        {
            errors.Defined("kind", kind, "Kind");
        }

        if (!string.IsNullOrWhiteSpace(input.OwnerId) && !await db.Users.AnyAsync(u => u.Id == input.OwnerId, cancellationToken))
        {
            errors.Add("ownerId", "Choose an existing user as the owner.");
        }

        if (!string.IsNullOrWhiteSpace(input.Name))
        {
            var search = SearchText.Normalize(input.Name);
            if (await db.ExecutivePrograms.AnyAsync(p => p.NameSearch == search && p.Id != id, cancellationToken))
            {
                errors.Add("name", "Another program has this name.");
            }
        }

        return errors;
    }

    private static void Apply(ExecutiveProgram program, ProgramInput input)
    {
        program.NameSearch = SearchText.Normalize(program.Name);
        program.Kind = input.Kind!.Value;
        program.Description = Blank(input.Description);
        program.OwnerId = string.IsNullOrWhiteSpace(input.OwnerId) ? null : input.OwnerId;
        program.IsActive = input.IsActive;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
