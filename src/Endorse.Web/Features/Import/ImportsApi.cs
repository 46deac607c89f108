using System.Security.Claims;
using System.Text.Json;
using Endorse.Import;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Endorse.Web.Features.Import;

public static class ImportsApi
{
    public static void MapImportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports").RequireAuthorization(Policies.ImportData);

        group.MapPost("/", Upload)
            .WithName("StartImport")
            .WithSummary("Upload a CRM export and queue its import")
            .WithDescription("multipart/form-data with `file` (CSV, UTF-8, up to 2 GB), `format` (Salesforce, HubSpot, GenericCsv), " +
                "optional `entity` (Accounts, Contacts, Opportunities; detected from the file name or header when left out) and, for " +
                "GenericCsv, `mapping`: a JSON object of Endorse field → the file's column, e.g. {\"Id\":\"Code\",\"Name\":\"Company\"}. " +
                "Answers 202 with the run; poll its location until status is Completed or Failed.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<ImportRunView>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .WithFormOptions(multipartBodyLengthLimit: ImportService.MaxFileBytes)
            .WithMetadata(new RequestSizeLimitAttribute(ImportService.MaxFileBytes))

            // Token clients send no antiforgery token; the session cookie is SameSite=Lax, so a cross-site form post carries no cookie.
            .DisableAntiforgery();

        group.MapGet("/", List)
            .WithName("ListImports").WithSummary("Past and running imports, newest first")
            .WithDescription("Paged with `page` and `pageSize`.")
            .Produces<Page<ImportRunView>>();

        group.MapGet("/{id:int}", Get)
            .WithName("GetImport").WithSummary("An import's status, progress, counts and history")
            .WithDescription("While Running, the counts are live; `percent` is the share of the file read. `history` lists what happened, one dated sentence each; `canRunAgain` is true for an interrupted import whose file is kept.")
            .Produces<ImportRunView>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:int}/run-again", RunAgain)
            .WithName("RunImportAgain").WithSummary("Run an interrupted import again")
            .WithDescription("An import whose worker stopped (the process was killed, the machine went down) is marked Interrupted at the next " +
                "start or sweep of any node; nothing of it was imported and its uploaded file is kept. This queues it again from that file. " +
                "409 when the import is not interrupted or its file is no longer kept.")
            .Produces<ImportRunView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/{id:int}/rejections", Rejections)
            .WithName("ListImportRejections").WithSummary("The rows an import refused, with line numbers and reasons")
            .WithDescription("Ordered by line number; paged with `page` and `pageSize`. At most 10,000 are kept per import.")
            .Produces<Page<ImportRejectionRow>>().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/rejections.csv", RejectionsCsv)
            .WithName("ExportImportRejections").WithSummary("The refused rows as CSV")
            .WithDescription("Line number, id in the source and reason for every kept rejection.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);

        group.MapImportReportApi();
        api.MapImportMappingsApi();
    }

    private static async Task<IResult> Upload(HttpRequest request, ImportService imports, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return TypedResults.ValidationProblem(new ValidationErrors().Add("file", "Send the file as multipart/form-data.").ToDictionary());
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A body that is not well-formed multipart (no boundary, cut off, over a limit).
            return TypedResults.ValidationProblem(new ValidationErrors().Add("file", "The multipart body is malformed: " + e.Message).ToDictionary(), title: "The request has invalid fields.");
        }

        var errors = new ValidationErrors();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Choose a non-empty CSV file.");
        }
        else if (InputText.Problem(file.FileName, 255) is { } nameProblem)
        {
            errors.Add("file", "The file name " + nameProblem);
        }

        foreach (var (key, values) in form)
        {
            if (values.Any(v => InputText.Problem(v, 100_000) is not null))
            {
                errors.Add(key, "The value " + InputText.Problem(values.First(v => InputText.Problem(v, 100_000) is not null), 100_000));
            }
        }

        if (!Enum.TryParse<ImportFormat>(form["format"].ToString(), ignoreCase: true, out var format) || !Enum.IsDefined(format) || int.TryParse(form["format"], out _))
        {
            errors.Add("format", "Format must be one of: Salesforce, HubSpot, GenericCsv.");
        }

        ImportEntity? entity = null;
        var entityText = form["entity"].ToString();
        if (!string.IsNullOrWhiteSpace(entityText) && !entityText.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (Enum.TryParse<ImportEntity>(entityText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(entityText, out _))
            {
                entity = parsed;
            }
            else
            {
                errors.Add("entity", "Entity must be one of: Accounts, Contacts, Opportunities (or left out to detect it).");
            }
        }

        Dictionary<string, string>? mapping = null;
        var mappingText = form["mapping"].ToString();
        if (!string.IsNullOrWhiteSpace(mappingText))
        {
            try
            {
                mapping = JsonSerializer.Deserialize<Dictionary<string, string>>(mappingText);
            }
            catch (JsonException)
            {
                errors.Add("mapping", "Mapping must be a JSON object of field name → column name.");
            }

            foreach (var (field, column) in mapping ?? [])
            {
                if ((InputText.Problem(field, 100) ?? InputText.Problem(column, 255)) is { } problem)
                {
                    errors.Add("mapping", $"The mapping of '{InputText.Clean(field)}' {problem}");
                }
            }
        }

        if (!errors.IsValid)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The request has invalid fields.");
        }

        string stored;
        await using (var content = file!.OpenReadStream())
        {
            stored = await imports.StoreAsync(content, file.FileName, cancellationToken);
        }

        var result = await imports.QueueAsync(new ImportRequest(format, entity, file.FileName, stored, mapping), user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name, cancellationToken);
        return ApiResults.From(result, run => TypedResults.Accepted($"/api/v1/imports/{run.Id}", run));
    }

    private static async Task<Ok<Page<ImportRunView>>> List(ImportService imports, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default) =>
        TypedResults.Ok(await imports.ListAsync(new PageRequest(page, pageSize), cancellationToken));

    private static async Task<IResult> Get(int id, ImportService imports, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, cancellationToken) is { } run ? TypedResults.Ok(run) : TypedResults.Problem(statusCode: 404, title: "Not found");

    private static async Task<IResult> RunAgain(int id, ImportService imports, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        ApiResults.From(
            await imports.RunAgainAsync(id, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity?.Name, cancellationToken),
            run => TypedResults.Accepted($"/api/v1/imports/{run.Id}", run));

    private static async Task<IResult> Rejections(int id, ImportService imports, int page = 1, int pageSize = 25, CancellationToken cancellationToken = default)
    {
        if (await imports.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found");
        }

        return TypedResults.Ok(await imports.RejectionsAsync(id, new PageRequest(page, pageSize), cancellationToken));
    }

    private static async Task<IResult> RejectionsCsv(int id, ImportService imports, CancellationToken cancellationToken)
    {
        if (await imports.GetAsync(id, cancellationToken) is null)
        {
            return TypedResults.Problem(statusCode: 404, title: "Not found");
        }

        return ApiResults.Csv(imports.RejectionsStream(id), $"import-{id}-rejections.csv");
    }
}
