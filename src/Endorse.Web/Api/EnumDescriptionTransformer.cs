using Endorse.Formatting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Endorse.Web.Api;

/// <summary>
/// Describes every enum schema of the OpenAPI document with the words each value stands for
/// ("`ReferenceCall`: reference call; …"), from the same table the pages and mails use.
/// </summary>
internal sealed class EnumDescriptionTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum && type.Namespace?.StartsWith("Endorse", StringComparison.Ordinal) == true && string.IsNullOrEmpty(schema.Description))
        {
            schema.Description = Words.ApiDescription(type);
        }

        return Task.CompletedTask;
    }
}
