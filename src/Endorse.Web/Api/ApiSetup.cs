using System.Text.Json.Serialization;
using Scalar.AspNetCore;

namespace Endorse.Web.Api;

/// <summary>The REST API's shared plumbing: /api/v1, problem details (RFC 9457), OpenAPI and its reference page.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddEndorseApi(this IServiceCollection services)
    {
        services.AddProblemDetails(options =>
        {
            options.CustomizeProblemDetails = context =>
            {
                context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
                context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            };
        });
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;

            // Every JSON string a client sends is checked for control characters and broken surrogates (InputText), every date for its range (InputDates).
            options.SerializerOptions.Converters.Add(new InputTextJsonConverter());
            options.SerializerOptions.Converters.Add(new InputDateOnlyJsonConverter());
            options.SerializerOptions.Converters.Add(new InputDateTimeOffsetJsonConverter());
        });

        // A body or query value that cannot be bound throws, so ApiExceptionHandler answers it with the field's name
        // (in every environment; the framework only throws in Development by default).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi("v1", options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Endorse API";
                document.Info.Version = "v1";
                document.Info.Description =
                    "The REST API of Endorse, the customer reference and advocacy platform. " +
                    "Authenticate with a personal access token (create one under Settings → Access tokens) sent as " +
                    "`Authorization: Bearer edr_…`; it acts with its user's roles. Lists take `page`, `pageSize` (≤ 200), " +
                    "`sort`, `desc` and `search`, and answer `{ items, total, totalIsCapped, pageNumber, pageSize }`. " +
                    "Errors are RFC 9457 problem details; validation errors list each field's messages under `errors`. " +
                    "Each token may make a number of requests a minute (600 unless the operator set otherwise); over it the API answers 429 with `Retry-After`. " +
                    "Changes made with the browser's sign-in cookie instead of a token need the antiforgery token in the `RequestVerificationToken` header.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ErrorResponsesTransformer>();
            options.AddSchemaTransformer<EnumDescriptionTransformer>();
            options.AddSchemaTransformer<ConvertedTypeSchemaTransformer>();
            options.AddDocumentTransformer<ProblemMessageTransformer>();
        });
        return services;
    }

    public static void MapEndorseApi(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/api/docs", options => options.WithTitle("Endorse API").WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()); // Scalar's fonts come from its CDN: the page keeps to this origin (CSP) and works offline.

        var api = app.MapGroup("/api/v1").RequireAuthorization(Auth.Policies.ReadCustomers).RequireRateLimiting(ApiRateLimits.Policy)
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        api.AddEndpointFilterFactory(ApiInputFilter.Create);
        ApiRegistration.MapFeatureApis(api);
    }
}
