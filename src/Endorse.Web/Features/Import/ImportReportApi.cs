using Endorse.Import;
using Endorse.Listing;
using Endorse.Web.Api;
using Endorse.Web.Auth;
using Endorse.Web.Features.Accounts;

namespace Endorse.Web.Features.Import;

/// <summary>An import's report beyond its counts: warnings, the industries, deal stages and account types it read, and the fixes made from it.</summary>
public static class ImportReportApi
{
    public static void MapImportReportApi(this RouteGroupBuilder imports)
    {
        ArgumentNullException.ThrowIfNull(imports);

        imports.MapGet("/{id:int}/warnings", WarningsAsync)
            .WithName("ListImportWarnings").WithSummary("The rows an import took in with a warning")
            .WithDescription("Each warning with its line number, the row's id in the source, the column (as the file's header names it), the value and what was done " +
                "(an industry with no sector, a country in no region, a deal stage read as open or guessed from its name, a relationship or tier a person set and the import kept). " +
                "Ordered by line; paged with `page` and `pageSize`; `kind` (UnknownIndustry, UnknownCountry, UnknownDealStage, RelationshipKept, SeniorityKept) narrows them. At most 10,000 are kept per import; `warnings` on the import counts all.")
            .Produces<Page<ImportWarningRow>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:int}/warnings.csv", WarningsCsvAsync)
            .WithName("ExportImportWarnings").WithSummary("An import's warnings as CSV")
            .WithDescription("Line number, id in the source, kind, column, value and what was done for every kept warning; takes `kind` like the list.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:int}/industries", IndustriesAsync)
            .WithName("ListImportIndustries").WithSummary("The industries an accounts import saw and the sector each one has")
            .WithDescription("Each distinct industry (Salesforce `Industry`, HubSpot `Industry`) with its rows, the sector it was read as at import (`sectorAtImport`; null: none matched), " +
                "the sector it reads as now (`sectorId`, `sector`; `byMapping` when through a person's mapping) and `accountsWithoutSector`: accounts that still have no sector because of it. Industries without a sector first.")
            .Produces<IReadOnlyList<ImportIndustry>>().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapPost("/{id:int}/industries", ResolveIndustriesAsync)
            .RequireAuthorization(Policies.ManageCatalog)
            .WithName("ResolveImportIndustries").WithSummary("Create the missing sectors, or map industries to sectors, and apply them")
            .WithDescription("Body: `{ \"resolutions\": [ { \"industry\": \"Biotechnology\", \"createSector\": true }, { \"industry\": \"Banking\", \"sectorId\": 4 } ] }`. " +
                "For each industry this import saw: creates a sector named like it (or uses the one already named so), or maps it to an existing sector; every later import reads it so. " +
                "The accounts without a sector because of that industry get the sector (and their contacts with them), as do those an earlier mapping of it gave another sector. " +
                "All in one transaction, audited on the import; sending the same resolutions again changes nothing. 400 for an industry the import did not see, a sector that does not exist, or neither/both choices.")
            .Accepts<IndustryResolutionInput>("application/json")
            .Produces<IndustriesResolved>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:int}/deal-stages", DealStagesAsync)
            .WithName("ListImportDealStages").WithSummary("The deal stages an opportunities import saw and how each was read")
            .WithDescription("Each distinct stage (Salesforce `StageName`, HubSpot `Deal Stage`) with its rows, what it was read as (`readAs`: Open, Won, Lost) and on what `basis`: " +
                "FileColumns (the file's own IsWon/IsClosed or \"Is Closed Won\" columns), BuiltIn (HubSpot's default pipeline, by label or id such as `closedwon`, and Salesforce's standard stages), " +
                "Mapping (a person's), Guessed (from words such as won or lost) or Unknown (read as open). `mappedAs` is a person's mapping of it now. Most rows first.")
            .Produces<IReadOnlyList<ImportDealStage>>().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapPost("/{id:int}/deal-stages", MapDealStagesAsync)
            .WithName("MapImportDealStages").WithSummary("Say how a custom pipeline's stages read, and apply it")
            .WithDescription("Body: `{ \"stages\": [ { \"stage\": \"Verbal commit\", \"outcome\": \"Open\" }, { \"stage\": \"98765432\", \"outcome\": \"Won\" } ] }`. " +
                "Saves each mapping (every later import reads the stage so) and applies it to the opportunities already imported from the same CRM with that stage, unless this import read them from the file's own won/closed columns; " +
                "their accounts' relationship is decided again (a won deal makes a customer). One transaction, audited on the import; the same call again changes nothing.")
            .Accepts<StageResolutionInput>("application/json")
            .Produces<DealStagesMapped>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        imports.MapGet("/{id:int}/account-types", AccountTypesAsync)
            .WithName("ListImportAccountTypes").WithSummary("The account types and lifecycle stages an accounts import saw")
            .WithDescription("Each distinct value of the type columns (Salesforce `Type`; HubSpot `Type` and `Lifecycle Stage`) with its rows and the relationship it reads as (Prospect, Customer, FormerCustomer; null: it says none, e.g. \"Channel Partner / Reseller\", and the relationship is derived from won deals).")
            .Produces<IReadOnlyList<ImportAccountType>>().ProducesProblem(StatusCodes.Status404NotFound);

    }

    /// <summary>
    /// The mappings, under /api/v1/import-mappings rather than /imports/mappings: next to /imports/{id}/… that path
    /// would be ambiguous in the OpenAPI document (a client cannot tell "mappings" from an import's id).
    /// </summary>
    public static void MapImportMappingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var mappings = api.MapGroup("/import-mappings").WithTags("Imports").RequireAuthorization(Policies.ImportData);

        mappings.MapGet("/", MappingsAsync)
            .WithName("ListImportMappings").WithSummary("The mappings people made from import reports")
            .WithDescription("Industries mapped to sectors and deal stages mapped to open, won or lost; every import reads values through them.")
            .Produces<List<ImportMappingRow>>();

        mappings.MapDelete("/{mappingId:int}", DeleteMappingAsync)
            .WithName("DeleteImportMapping").WithSummary("Remove a mapping")
            .WithDescription("Later imports read the value by themselves again; records already imported keep what the mapping gave them. Audited.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> WarningsAsync(int id, ImportService imports, ImportReportService report, int page = 1, int pageSize = 25, string? kind = null, CancellationToken cancellationToken = default)
    {
        if (await imports.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        if (!TryKind(kind, out var parsed))
        {
            return CustomerRequests.Invalid("kind", KindMessage);
        }

        return TypedResults.Ok(await report.WarningsAsync(id, new PageRequest(page, pageSize), parsed, cancellationToken));
    }

    private static async Task<IResult> WarningsCsvAsync(int id, ImportService imports, ImportReportService report, string? kind = null, CancellationToken cancellationToken = default)
    {
        if (await imports.GetAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return !TryKind(kind, out var parsed)
            ? CustomerRequests.Invalid("kind", KindMessage)
            : ApiResults.Csv(report.WarningsStream(id, parsed), $"import-{id}-warnings.csv");
    }

    private static async Task<IResult> IndustriesAsync(int id, ImportService imports, ImportReportService report, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, cancellationToken) is null ? NotFound(id) : TypedResults.Ok(await report.IndustriesAsync(id, cancellationToken));

    private static async Task<IResult> DealStagesAsync(int id, ImportService imports, ImportReportService report, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, cancellationToken) is null ? NotFound(id) : TypedResults.Ok(await report.DealStagesAsync(id, cancellationToken));

    private static async Task<IResult> AccountTypesAsync(int id, ImportService imports, ImportReportService report, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, cancellationToken) is null ? NotFound(id) : TypedResults.Ok(await report.AccountTypesAsync(id, cancellationToken));

    private static async Task<IResult> ResolveIndustriesAsync(int id, HttpRequest request, ImportReportService report)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<IndustryResolutionInput>(request);
        return problem ?? ApiResults.From(await report.ResolveIndustriesAsync(id, input!, request.HttpContext.RequestAborted), TypedResults.Ok);
    }

    private static async Task<IResult> MapDealStagesAsync(int id, HttpRequest request, ImportReportService report)
    {
        var (input, problem) = await CustomerRequests.ReadBodyAsync<StageResolutionInput>(request);
        return problem ?? ApiResults.From(await report.MapDealStagesAsync(id, input!, request.HttpContext.RequestAborted), TypedResults.Ok);
    }

    private static async Task<IResult> MappingsAsync(ImportReportService report, CancellationToken cancellationToken) =>
        TypedResults.Ok(await report.MappingsAsync(cancellationToken));

    private static async Task<IResult> DeleteMappingAsync(int mappingId, ImportReportService report, CancellationToken cancellationToken) =>
        ApiResults.From(await report.DeleteMappingAsync(mappingId, cancellationToken), _ => TypedResults.NoContent());

    private const string KindMessage = "Kind must be one of: UnknownIndustry, UnknownCountry, UnknownDealStage, RelationshipKept, SeniorityKept.";

    private static bool TryKind(string? text, out ImportWarningKind? kind)
    {
        kind = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (Enum.TryParse<ImportWarningKind>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            kind = parsed;
            return true;
        }

        return false;
    }

    private static IResult NotFound(int id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no import {id}.");
}
