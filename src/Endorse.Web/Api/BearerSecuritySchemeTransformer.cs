using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Endorse.Web.Api;

/// <summary>Describes personal access tokens in the OpenAPI document so clients and the reference page can send them.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["AccessToken"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "edr_…",
            Description = "A personal access token, created in Endorse under Settings → Access tokens.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("AccessToken", document)] = [] });
        return Task.CompletedTask;
    }
}
