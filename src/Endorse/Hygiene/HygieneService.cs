using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using Endorse.Data;
using Endorse.Listing;
using Endorse.Outcomes;
using Endorse.Users;
using Markdig;
using Microsoft.EntityFrameworkCore;

namespace Endorse.Hygiene;

/// <summary>
/// Program hygiene: the six questions a program should answer yes to, each answered with evidence and a date and kept, so
/// the history shows progress; and the advocacy kit, an editable one-page guide that downloads as a printable page.
/// </summary>
public sealed class HygieneService(EndorseDbContext db, TimeProvider clock)
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().DisableHtml().UseEmphasisExtras().Build();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Who answers the questions: reference managers, administrators and executives.</summary>
    public static bool MayAnswer(Actor actor) => actor is not null && (actor.IsReferenceManager || actor.IsIn(Roles.Executive));

    /// <summary>Who edits the advocacy kit: reference managers, administrators and marketing.</summary>
    public static bool MayEditKit(Actor actor) => actor is not null && (actor.IsReferenceManager || actor.IsIn(Roles.Marketing));

    public async Task<HygieneOverview> OverviewAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var answers = await Rows(null).ToListAsync(cancellationToken);
        var current = HygieneProgress.Current(answers);
        var questions = HygieneText.All.Select(q => new HygieneQuestionView(q, HygieneText.Title(q), HygieneText.Text(q), current.GetValueOrDefault(q))).ToList();
        var score = current.Values.Sum(a => HygieneText.Points(a.Answer));
        return new HygieneOverview(questions, score, HygieneProgress.Compute(answers), MayAnswer(actor));
    }

    public Task<Page<HygieneAnswerRow>> HistoryAsync(HygieneQuestion? question, PageRequest request, CancellationToken cancellationToken = default) =>
        Rows(question).ToPageAsync(request, cancellationToken);

    public async IAsyncEnumerable<HygieneCsvRow> ExportAsync(HygieneQuestion? question, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var a in Rows(question).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return new HygieneCsvRow(a.Id, HygieneText.Title(a.Question), HygieneText.Answer(a.Answer), a.Evidence, Date(a.AnsweredOn), a.ByName);
        }
    }

    /// <summary>Records an answer (kept: earlier answers stay as history). Audited.</summary>
    public async Task<Outcome<HygieneAnswerRow>> AnswerAsync(HygieneAnswerInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayAnswer(actor))
        {
            return Outcome.Denied<HygieneAnswerRow>();
        }

        var errors = new ValidationErrors();
        if (input.Question is not { } question)
        {
            errors.Add("question", "Choose the question.");
        }
        else
        {
            errors.Defined("question", question, "Question");
        }

        if (input.Answer is not { } answer)
        {
            errors.Add("answer", "Answer Yes, Partly or No.");
        }
        else
        {
            errors.Defined("answer", answer, "Answer");
        }

        errors.Required("evidence", input.Evidence, "Evidence (what shows it)", 2000);
        var on = input.AnsweredOn ?? Today;
        if (on > Today)
        {
            errors.Add("answeredOn", "An answer holds from today or an earlier day, not a future one.");
        }

        if (!errors.IsValid)
        {
            return Outcome.Invalid<HygieneAnswerRow>(errors);
        }

        var row = new HygieneAnswer
        {
            Question = input.Question!.Value,
            Answer = input.Answer!.Value,
            Evidence = input.Evidence!.Trim(),
            AnsweredOn = on,
            ById = actor.UserId,
            ByName = await People.NameAsync(db, actor.UserId, cancellationToken) ?? actor.Name,
        };
        db.HygieneAnswers.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Ok(await Rows(null, row.Id).FirstAsync(cancellationToken));
    }

    public async Task<AdvocacyKitView> KitAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var kit = await db.AdvocacyKits.AsNoTracking().FirstOrDefaultAsync(k => k.Id == AdvocacyKit.SingletonId, cancellationToken);
        return kit is null
            ? new AdvocacyKitView(AdvocacyKitDefault.Title, AdvocacyKitDefault.Body, ToHtml(AdvocacyKitDefault.Body), null, null, IsDefault: true, MayEditKit(actor))
            : new AdvocacyKitView(kit.Title, kit.Body, ToHtml(kit.Body), kit.UpdatedByName, kit.UpdatedAt, IsDefault: false, MayEditKit(actor));
    }

    /// <summary>Saves the kit (audited). Send the <c>updatedAt</c> you read: a kit changed since answers 409.</summary>
    public async Task<Outcome<AdvocacyKitView>> UpdateKitAsync(AdvocacyKitInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(actor);
        if (!MayEditKit(actor))
        {
            return Outcome.Denied<AdvocacyKitView>();
        }

        var errors = new ValidationErrors().Required("title", input.Title, "Title", 200).Required("body", input.Body, "The guide", 20000);
        if (!errors.IsValid)
        {
            return Outcome.Invalid<AdvocacyKitView>(errors);
        }

        var kit = await db.AdvocacyKits.FirstOrDefaultAsync(k => k.Id == AdvocacyKit.SingletonId, cancellationToken);
        if (kit is null)
        {
            kit = new AdvocacyKit { Title = input.Title!.Trim(), Body = input.Body! };
            db.AdvocacyKits.Add(kit);
        }
        else if (input.UpdatedAt is { } read && read != kit.UpdatedAt)
        {
            return Outcome.Stale<AdvocacyKitView>("advocacy kit");
        }

        kit.Title = input.Title!.Trim();
        kit.Body = input.Body!.Replace("\r\n", "\n", StringComparison.Ordinal);
        kit.UpdatedById = actor.UserId;
        kit.UpdatedByName = await People.NameAsync(db, actor.UserId, cancellationToken) ?? actor.Name;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Outcome.Stale<AdvocacyKitView>("advocacy kit");
        }

        return Outcome.Ok(await KitAsync(actor, cancellationToken));
    }

    /// <summary>The kit's Markdown as HTML (raw HTML in the Markdown is shown as text, never run).</summary>
    public static string ToHtml(string markdown) => Markdig.Markdown.ToHtml(markdown ?? string.Empty, Markdown);

    /// <summary>The kit as one self-contained page styled for printing on one sheet (A4 or Letter).</summary>
    public static string PrintablePage(AdvocacyKitView kit)
    {
        ArgumentNullException.ThrowIfNull(kit);
        var title = WebUtility.HtmlEncode(kit.Title);
        var updated = kit.UpdatedAt is { } at ? $"Version of {at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "Default version";
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}}</title>
            <style>
              @page { size: auto; margin: 14mm 16mm; }
              body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1a1a1a; line-height: 1.4; font-size: 10.5pt; max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
              h1 { font-size: 19pt; margin: 0 0 4pt; color: #0d3b66; }
              h2 { font-size: 12.5pt; margin: 12pt 0 3pt; color: #0d3b66; border-bottom: 1px solid #c9d6e3; padding-bottom: 2pt; }
              p, li { margin: 3pt 0; }
              ul, ol { padding-left: 16pt; margin: 3pt 0; }
              blockquote { margin: 8pt 0; padding: 6pt 10pt; background: #f1f5f9; border-left: 3pt solid #0d3b66; }
              footer { margin-top: 14pt; font-size: 8.5pt; color: #555; border-top: 1px solid #ddd; padding-top: 4pt; }
              @media print { body { padding: 0; } a { color: inherit; text-decoration: none; } h2 { break-after: avoid; } li, blockquote { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <main>
            <h1>{{title}}</h1>
            {{kit.Html}}
            </main>
            <footer>Advocacy kit · {{updated}} · Endorse</footer>
            </body>
            </html>
            """;
    }

    private IQueryable<HygieneAnswerRow> Rows(HygieneQuestion? question, int? id = null)
    {
        var answers = db.HygieneAnswers.AsNoTracking();
        if (id is { } only)
        {
            answers = answers.Where(a => a.Id == only);
        }

        if (question is { } q)
        {
            answers = answers.Where(a => a.Question == q);
        }

        return answers.OrderByDescending(a => a.AnsweredOn).ThenByDescending(a => a.Id)
            .Select(a => new HygieneAnswerRow(a.Id, a.Question, a.Answer, a.Evidence, a.AnsweredOn, a.ByName, a.CreatedAt));
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
