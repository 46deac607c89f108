using Endorse.Listing;
using Endorse.Products;
using Endorse.Taxonomy;
using Endorse.Web.Api;
using Endorse.Web.Auth;

namespace Endorse.Web.Features.Catalog;

/// <summary>The catalog's endpoints: products, sectors, regions and sales areas. Everyone signed in reads; reference managers and administrators change.</summary>
public static class CatalogApi
{
    public static IServiceCollection AddCatalog(this IServiceCollection services) =>
        services.AddScoped<ProductService>().AddScoped<SectorService>().AddScoped<RegionService>().AddScoped<SalesAreaService>();

    public static void MapCatalogApi(this RouteGroupBuilder api)
    {
        MapProducts(api.MapGroup("/products").WithTags("Products"));
        MapSectors(api.MapGroup("/sectors").WithTags("Sectors"));
        MapRegions(api.MapGroup("/regions").WithTags("Regions"));
        MapSalesAreas(api.MapGroup("/sales-areas").WithTags("Sales areas"));
    }

    private static void MapProducts(RouteGroupBuilder group)
    {
        group.MapGet("/", async (ProductService service, int page = 1, int pageSize = 25, string? sort = null, bool desc = false, string? search = null, bool includeRetired = true, CancellationToken ct = default) =>
                TypedResults.Ok(await service.ListAsync(new PageRequest(page, pageSize, sort, desc, search), includeRetired, ct)))
            .WithName("ListProducts").WithSummary("List products")
            .WithDescription("Products sorted by name (`desc=true` reverses). `search` matches any part of the name, ignoring case; `includeRetired=false` hides retired products.")
            .Produces<Page<ProductRow>>();
        group.MapGet("/export.csv", (ProductService service, string? search = null, bool desc = false, bool includeRetired = true) =>
                ApiResults.Csv(service.ExportAsync(new PageRequest(Search: search, Descending: desc), includeRetired), "products.csv"))
            .WithName("ExportProducts").WithSummary("Export products as CSV")
            .WithDescription("Every product matching the same filters as the list, as a CSV download.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id:int}", async (int id, ProductService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } product ? Results.Ok(product) : NotFound())
            .WithName("GetProduct").WithSummary("Get a product")
            .WithDescription("A product with the number of accounts that own it and opportunities that name it.")
            .Produces<ProductDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", async (ProductInput input, ProductService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, ct), p => TypedResults.Created($"/api/v1/products/{p.Id}", p)))
            .WithName("CreateProduct").WithSummary("Create a product")
            .WithDescription("Names are unique whatever their case; a taken name answers 400 with an error on `name`.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<ProductDetails>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:int}", async (int id, ProductInput input, ProductService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(id, input, ct), TypedResults.Ok))
            .WithName("UpdateProduct").WithSummary("Update a product")
            .WithDescription("Replaces the product's fields. Set `isRetired` to retire a product that accounts still own.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<ProductDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:int}", async (int id, ProductService service, CancellationToken ct) => FromDelete(await service.DeleteAsync(id, ct)))
            .WithName("DeleteProduct").WithSummary("Delete a product")
            .WithDescription("Deletes a product no account owns and no opportunity names; otherwise answers 409 — retire it instead.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapSectors(RouteGroupBuilder group)
    {
        group.MapGet("/", async (SectorService service, int page = 1, int pageSize = 25, string? sort = null, bool desc = false, string? search = null, CancellationToken ct = default) =>
                TypedResults.Ok(await service.ListAsync(new PageRequest(page, pageSize, sort, desc, search), ct)))
            .WithName("ListSectors").WithSummary("List sectors")
            .WithDescription("Sectors sorted by name (`desc=true` reverses). `search` matches any part of the name, ignoring case.")
            .Produces<Page<SectorRow>>();
        group.MapGet("/export.csv", (SectorService service, string? search = null, bool desc = false) =>
                ApiResults.Csv(service.ExportAsync(new PageRequest(Search: search, Descending: desc)), "sectors.csv"))
            .WithName("ExportSectors").WithSummary("Export sectors as CSV")
            .WithDescription("Every sector matching the search, as a CSV download.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id:int}", async (int id, SectorService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } sector ? Results.Ok(sector) : NotFound())
            .WithName("GetSector").WithSummary("Get a sector")
            .WithDescription("A sector with the number of accounts in it.")
            .Produces<SectorDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", async (SectorInput input, SectorService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, ct), s => TypedResults.Created($"/api/v1/sectors/{s.Id}", s)))
            .WithName("CreateSector").WithSummary("Create a sector")
            .WithDescription("Names are unique whatever their case; a taken name answers 400 with an error on `name`.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<SectorDetails>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:int}", async (int id, SectorInput input, SectorService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(id, input, ct), TypedResults.Ok))
            .WithName("UpdateSector").WithSummary("Update a sector")
            .WithDescription("Renames or describes a sector.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<SectorDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:int}", async (int id, SectorService service, CancellationToken ct) => FromDelete(await service.DeleteAsync(id, ct)))
            .WithName("DeleteSector").WithSummary("Delete a sector")
            .WithDescription("Deletes a sector no account is in; otherwise answers 409.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapRegions(RouteGroupBuilder group)
    {
        group.MapGet("/", async (RegionService service, int page = 1, int pageSize = 25, string? sort = null, bool desc = false, string? search = null, CancellationToken ct = default) =>
                TypedResults.Ok(await service.ListAsync(new PageRequest(page, pageSize, sort, desc, search), ct)))
            .WithName("ListRegions").WithSummary("List regions")
            .WithDescription("Regions sorted by name, each with the country names and ISO codes that belong to it.")
            .Produces<Page<RegionRow>>();
        group.MapGet("/export.csv", (RegionService service, string? search = null, bool desc = false) =>
                ApiResults.Csv(service.ExportAsync(new PageRequest(Search: search, Descending: desc)), "regions.csv"))
            .WithName("ExportRegions").WithSummary("Export regions as CSV")
            .WithDescription("Every region matching the search, as a CSV download.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/{id:int}", async (int id, RegionService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } region ? Results.Ok(region) : NotFound())
            .WithName("GetRegion").WithSummary("Get a region")
            .WithDescription("A region with its countries and the number of accounts and sales areas in it.")
            .Produces<RegionDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/for-country", async (string country, RegionService service, CancellationToken ct) =>
                (await service.CountryMapAsync(ct)).RegionFor(country) is { } id && await service.GetAsync(id, ct) is { } region ? Results.Ok(region) : NotFound())
            .WithName("FindRegionForCountry").WithSummary("Find the region of a country")
            .WithDescription("The region whose countries list the given country name or ISO code (two or three letters), as imports place accounts.")
            .Produces<RegionDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", async (RegionInput input, RegionService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, ct), r => TypedResults.Created($"/api/v1/regions/{r.Id}", r)))
            .WithName("CreateRegion").WithSummary("Create a region")
            .WithDescription("Names are unique whatever their case, and a country belongs to one region only.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<RegionDetails>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:int}", async (int id, RegionInput input, RegionService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(id, input, ct), TypedResults.Ok))
            .WithName("UpdateRegion").WithSummary("Update a region")
            .WithDescription("Replaces the region's name and countries.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<RegionDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:int}", async (int id, RegionService service, CancellationToken ct) => FromDelete(await service.DeleteAsync(id, ct)))
            .WithName("DeleteRegion").WithSummary("Delete a region")
            .WithDescription("Deletes a region no account or sales area is in; otherwise answers 409.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapSalesAreas(RouteGroupBuilder group)
    {
        group.MapGet("/", async (SalesAreaService service, int page = 1, int pageSize = 25, string? sort = null, bool desc = false, string? search = null, CancellationToken ct = default) =>
                TypedResults.Ok(await service.ListAsync(new PageRequest(page, pageSize, sort, desc, search), ct)))
            .WithName("ListSalesAreas").WithSummary("List sales areas")
            .WithDescription("Sales areas sorted by name, with their region and manager.")
            .Produces<Page<SalesAreaRow>>();
        group.MapGet("/export.csv", (SalesAreaService service, string? search = null, bool desc = false) =>
                ApiResults.Csv(service.ExportAsync(new PageRequest(Search: search, Descending: desc)), "sales-areas.csv"))
            .WithName("ExportSalesAreas").WithSummary("Export sales areas as CSV")
            .WithDescription("Every sales area matching the search, as a CSV download.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv");
        group.MapGet("/managers", async (SalesAreaService service, CancellationToken ct) => TypedResults.Ok(await service.ManagersAsync(ct)))
            .WithName("ListSalesManagers").WithSummary("List users who may manage a sales area")
            .WithDescription("Active users with the SalesManager role, for the `managerId` of a sales area.")
            .Produces<List<SalesManagerOption>>();
        group.MapGet("/{id:int}", async (int id, SalesAreaService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } area ? Results.Ok(area) : NotFound())
            .WithName("GetSalesArea").WithSummary("Get a sales area")
            .WithDescription("A sales area with its region, manager and the number of accounts and users in it.")
            .Produces<SalesAreaDetails>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", async (SalesAreaInput input, SalesAreaService service, CancellationToken ct) =>
                ApiResults.From(await service.CreateAsync(input, ct), s => TypedResults.Created($"/api/v1/sales-areas/{s.Id}", s)))
            .WithName("CreateSalesArea").WithSummary("Create a sales area")
            .WithDescription("Names are unique whatever their case; the manager must be a user with the SalesManager role.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<SalesAreaDetails>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:int}", async (int id, SalesAreaInput input, SalesAreaService service, CancellationToken ct) =>
                ApiResults.From(await service.UpdateAsync(id, input, ct), TypedResults.Ok))
            .WithName("UpdateSalesArea").WithSummary("Update a sales area")
            .WithDescription("Replaces the sales area's name, region and manager.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces<SalesAreaDetails>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapDelete("/{id:int}", async (int id, SalesAreaService service, CancellationToken ct) => FromDelete(await service.DeleteAsync(id, ct)))
            .WithName("DeleteSalesArea").WithSummary("Delete a sales area")
            .WithDescription("Deletes a sales area no account or user is in; otherwise answers 409.")
            .RequireAuthorization(Policies.ManageCatalog)
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    private static IResult FromDelete(DeleteResult result) =>
        result.NotFound ? NotFound()
        : result.InUse is not null ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Still in use", detail: result.InUse)
        : TypedResults.NoContent();
}
