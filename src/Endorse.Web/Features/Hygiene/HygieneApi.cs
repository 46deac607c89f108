using System.Security.Claims;
using System.Text;
using Endorse.Hygiene;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;

namespace Endorse.Web.Features.Hygiene;

/// <summary>Program hygiene: the six questions with evidence and history, and the advocacy kit.</summary>
public static class HygieneApi
{
    public static IServiceCollection AddHygiene(this IServiceCollection services) => services.AddScoped<HygieneService>();

    public static void MapHygieneApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/hygiene").WithTags("Program hygiene").RequireAuthorization(Policies.ReadCustomers);

        group.MapGet("/", async (HygieneService service, ClaimsPrincipal user, CancellationToken ct) => Results.Ok(await service.OverviewAsync(OutcomeResults.ActorOf(user), ct)))
            .WithName("GetProgramHygiene").WithSummary("The six hygiene questions and progress")
            .WithDescription("Each question (executive sponsorship, a standing agenda item, managers' personal targets, advocacy in contracts, the reference team and sales in contact, an advocacy kit) with its current answer (Yes, Partly, No), evidence, day and who answered; the score (yes 1, partly ½, of 6) and its progress over time.")
            .Produces<HygieneOverview>();

        group.MapGet("/answers", async (HygieneQuestion? question, int? page, int? pageSize, HygieneService service, CancellationToken ct) =>
                Results.Ok(await service.HistoryAsync(question, new PageRequest(page ?? 1, pageSize ?? 25), ct)))
            .WithName("ListHygieneAnswers").WithSummary("Every answer, newest first")
            .WithDescription("One page of the answers recorded (the history), optionally of one `question`.")
            .Produces<Page<HygieneAnswerRow>>().ProducesValidationProblem();

        group.MapGet("/answers/export.csv", (HygieneQuestion? question, HygieneService service) => ApiResults.Csv(service.ExportAsync(question), "hygiene-answers.csv"))
            .WithName("ExportHygieneAnswers").WithSummary("Export the answers as CSV")
            .WithDescription("Every answer (of one `question`, or all), newest first, as a CSV file.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");

        group.MapPost("/answers", async (HttpRequest request, HygieneService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<HygieneAnswerInput>(request);
                return problem ?? OutcomeResults.From(await service.AnswerAsync(input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted),
                    a => TypedResults.Created("/api/v1/hygiene", a));
            })
            .WithName("AnswerHygieneQuestion").WithSummary("Answer a hygiene question")
            .WithDescription("`question`, `answer` (Yes, Partly, No), `evidence` (what shows it; required) and `answeredOn` (default today, never in the future). Earlier answers stay as history. Reference managers, administrators and executives (403 otherwise). Audited.")
            .Accepts<HygieneAnswerInput>("application/json")
            .Produces<HygieneAnswerRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapGet("/advocacy-kit", async (HygieneService service, ClaimsPrincipal user, CancellationToken ct) => Results.Ok(await service.KitAsync(OutcomeResults.ActorOf(user), ct)))
            .WithName("GetAdvocacyKit").WithSummary("The advocacy kit")
            .WithDescription("The one-page guide for customer-facing staff on how to ask for advocacy: `title`, the Markdown `body`, the same as `html`, and who changed it last (`isDefault` until someone edits it).")
            .Produces<AdvocacyKitView>();

        group.MapPut("/advocacy-kit", async (HttpRequest request, HygieneService service, ClaimsPrincipal user) =>
            {
                var (input, problem) = await CustomerRequests.ReadBodyAsync<AdvocacyKitInput>(request);
                return problem ?? OutcomeResults.From(await service.UpdateKitAsync(input!, OutcomeResults.ActorOf(user), request.HttpContext.RequestAborted), TypedResults.Ok);
            })
            .WithName("UpdateAdvocacyKit").WithSummary("Edit the advocacy kit")
            .WithDescription("`title` and `body` (Markdown; raw HTML is shown as text). Send the `updatedAt` you read: a kit changed since answers 409. Reference managers, administrators and marketing. Audited.")
            .Accepts<AdvocacyKitInput>("application/json")
            .Produces<AdvocacyKitView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/advocacy-kit.html", async (bool? inline, HygieneService service, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var page = HygieneService.PrintablePage(await service.KitAsync(OutcomeResults.ActorOf(user), ct));
                var bytes = Encoding.UTF8.GetBytes(page);
                return inline == true
                    ? Results.File(bytes, "text/html; charset=utf-8")
                    : Results.File(bytes, "text/html; charset=utf-8", "advocacy-kit.html");
            })
            .WithName("DownloadAdvocacyKit").WithSummary("Download the advocacy kit to print")
            .WithDescription("The kit as one self-contained HTML page styled to print on one sheet (A4 or Letter): open it and print, or save it as PDF from the browser's print dialog. `inline=true` shows it instead of downloading.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
    }
}
