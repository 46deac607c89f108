using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Endorse.Web.Api;

/// <summary>
/// Gives back their JSON type to the values the API reads through its own converters (<see cref="InputTextJsonConverter"/>
/// for every string, <see cref="InputDateOnlyJsonConverter"/> and <see cref="InputDateTimeOffsetJsonConverter"/>): the
/// schema generator describes a type with a custom converter as <c>{}</c> (any value), so without this every string of
/// the document was untyped and a generated client (Kiota) read names and titles as untyped nodes. A string is
/// <c>string</c>, or <c>["null", "string"]</c> where the C# property may be null; a date is a <c>string</c> of format
/// <c>date</c> or <c>date-time</c>; an enum is a <c>string</c> (its names); a list of strings has string items.
/// </summary>
internal sealed class ConvertedTypeSchemaTransformer : IOpenApiSchemaTransformer
{
    private readonly NullabilityInfoContext nullability = new();

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.JsonTypeInfo.Type;
        var type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (schema.Type is null && schema.OneOf is not { Count: > 0 } && schema.AnyOf is not { Count: > 0 } && schema.AllOf is not { Count: > 0 })
        {
            if (type == typeof(string))
            {
                schema.Type = JsonSchemaType.String | (MayBeNull(context) ? JsonSchemaType.Null : 0);
            }
            else if (type == typeof(DateOnly) || type == typeof(DateTimeOffset))
            {
                schema.Type = JsonSchemaType.String | (type != declared ? JsonSchemaType.Null : 0);
                schema.Format ??= type == typeof(DateOnly) ? "date" : "date-time";
            }
            else if (type.IsEnum && schema.Enum is { Count: > 0 })
            {
                // JsonStringEnumConverter: the names, never numbers. The generator lists null among the values of an
                // enum first met as a nullable parameter; the component is shared, and a nullable property says null
                // itself (oneOf null or the enum), so the enum lists only names.
                schema.Type = JsonSchemaType.String;
                foreach (var value in schema.Enum.Where(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.Null).ToList())
                {
                    schema.Enum.Remove(value);
                }
            }
        }

        if (schema.Type is { } arrayType && arrayType.HasFlag(JsonSchemaType.Array) && schema.Items is null or OpenApiSchema { Type: null, Properties: null or { Count: 0 } }
            && ElementType(type) == typeof(string))
        {
            schema.Items = new OpenApiSchema { Type = JsonSchemaType.String };
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether the property (or parameter) the string belongs to is declared nullable (<c>string?</c>).</summary>
    private bool MayBeNull(OpenApiSchemaTransformerContext context)
    {
        if (context.JsonPropertyInfo is { } property)
        {
            if (property.PropertyType != typeof(string))
            {
                return false; // The items of a list of strings, the values of a dictionary: not null.
            }

            var info = property.AttributeProvider switch
            {
                PropertyInfo p => nullability.Create(p),
                FieldInfo f => nullability.Create(f),
                _ => null,
            };
            return info is null || info.ReadState != NullabilityState.NotNull;
        }

        // A parameter (a query value is absent rather than null) or a top-level body.
        return false;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
