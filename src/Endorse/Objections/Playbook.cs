using Endorse.Audit;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Requests;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Objections;

/// <summary>The program's answer to one objection, as the reference manager wrote it (absent: the default answer).</summary>
public class PlaybookAnswer : IAudited
{
    public int Id { get; set; }
    public ObjectionReason Objection { get; set; }
    public required string Answer { get; set; }
    public string? UpdatedById { get; set; }
    public string? UpdatedByName { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One objection with the answer to give: the program's own, or the default.</summary>
public sealed record PlaybookEntry(ObjectionReason Objection, string Label, string Answer, bool IsDefault, string DefaultAnswer, DateTimeOffset? UpdatedAt, string? UpdatedByName);

/// <summary>A new answer for an objection.</summary>
public sealed record PlaybookInput(string? Answer);

/// <summary>
/// The objections playbook: what to say when an account owner blocks an approach. Defaults follow the practice of the
/// source articles (a big bid, service problems, a reorganisation, a busy customer, a no-endorsement policy); the
/// reference team rewrites them in the program's own words.
/// </summary>
public sealed class Playbook(EndorseDbContext db, TimeProvider clock)
{
    public const int MaxAnswer = 4000;

    public static string Label(ObjectionReason objection) => objection switch
    {
        ObjectionReason.BigBidInProgress => "Big bid in progress",
        ObjectionReason.ServiceProblems => "Service problems",
        ObjectionReason.Reorganising => "Reorganising",
        ObjectionReason.TooBusy => "Too busy",
        ObjectionReason.CorporatePolicy => "Corporate policy",
        ObjectionReason.Other => "Other",
        _ => objection.ToString(),
    };

    /// <summary>The default answer to each objection.</summary>
    public static string Default(ObjectionReason objection) => objection switch
    {
        ObjectionReason.BigBidInProgress =>
            "A bid is a reason to ask, not to wait: a case study or a reference conversation reminds the customer of the good work we have done " +
            "for them, and that can help the bid. If the timing still feels wrong, ask which parts of the customer's business the bid does not " +
            "touch, and tell the story there.",
        ObjectionReason.ServiceProblems =>
            "Offer help first. Ask what the problems are, what is being done about them and when they should be fixed, and write it in the note. " +
            "We ask again once they are solved. When several accounts report trouble with the same product, Endorse tells the product's service lead, " +
            "so a pattern reaches someone senior in service.",
        ObjectionReason.Reorganising =>
            "A reorganisation can be the right moment: a case study is a good way to get to know the new people. And for a contact who has worked " +
            "with us for a long time, telling the story can strengthen their standing with a new boss (or their CV).",
        ObjectionReason.TooBusy =>
            "Make it small and do the work for them: a 20-minute call, a quote we draft and they approve. Ask at the right level: senior people " +
            "respond to being asked by their peers. If there is video budget, offer it: being chosen as the articulate face of a story is " +
            "flattering, and the customer hardly lifts a finger.",
        ObjectionReason.CorporatePolicy =>
            "If the customer has a corporate policy never to endorse suppliers, don't spend effort there: set the account's disclosure permission to " +
            "no publicity and move on. If it is only a habit, ask whether anonymous use or named reference calls (never in public) would be allowed.",
        _ =>
            "Ask the owner what would make it possible and when to ask again, and note it, so the next request does not hit the same wall.",
    };

    public async Task<IReadOnlyList<PlaybookEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var saved = await db.PlaybookAnswers.AsNoTracking().ToDictionaryAsync(a => a.Objection, cancellationToken);
        return [.. Enum.GetValues<ObjectionReason>().Select(o => Entry(o, saved.GetValueOrDefault(o)))];
    }

    /// <summary>The answer to give to each objection.</summary>
    public async Task<IReadOnlyDictionary<ObjectionReason, string>> AnswersAsync(CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).ToDictionary(e => e.Objection, e => e.Answer);

    public async Task<PlaybookEntry> GetAsync(ObjectionReason objection, CancellationToken cancellationToken = default) =>
        Entry(objection, await db.PlaybookAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.Objection == objection, cancellationToken));

    /// <summary>Replaces the answer to an objection (audited, with the text before and after).</summary>
    public async Task<CommandResult<PlaybookEntry>> UpdateAsync(ObjectionReason objection, PlaybookInput input, string? userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new ValidationErrors();
        errors.Defined("objection", objection, "Objection");
        errors.Required("answer", input.Answer, "The answer", MaxAnswer);
        if (!errors.IsValid)
        {
            return CommandResult.Invalid<PlaybookEntry>(errors);
        }

        var row = await db.PlaybookAnswers.FirstOrDefaultAsync(a => a.Objection == objection, cancellationToken);
        if (row is null)
        {
            row = new PlaybookAnswer { Objection = objection, Answer = string.Empty };
            db.PlaybookAnswers.Add(row);
        }

        row.Answer = input.Answer!.Trim();
        row.UpdatedById = userId;
        row.UpdatedByName = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first edits of the same objection at once: the unique index kept one.
            db.ChangeTracker.Clear();
            return CommandResult.Stale<PlaybookEntry>();
        }

        return CommandResult.Ok(await GetAsync(objection, cancellationToken));
    }

    /// <summary>Goes back to the default answer (audited as the program's answer deleted).</summary>
    public async Task<CommandResult<PlaybookEntry>> ResetAsync(ObjectionReason objection, CancellationToken cancellationToken = default)
    {
        if (!Enum.IsDefined(objection))
        {
            return CommandResult.Missing<PlaybookEntry>();
        }

        var row = await db.PlaybookAnswers.FirstOrDefaultAsync(a => a.Objection == objection, cancellationToken);
        if (row is not null)
        {
            db.PlaybookAnswers.Remove(row);
            await db.SaveChangesAsync(cancellationToken);
        }

        return CommandResult.Ok(await GetAsync(objection, cancellationToken));
    }

    private static PlaybookEntry Entry(ObjectionReason objection, PlaybookAnswer? saved) =>
        new(objection, Label(objection), saved?.Answer ?? Default(objection), saved is null, Default(objection), saved?.UpdatedAt, saved?.UpdatedByName);
}
