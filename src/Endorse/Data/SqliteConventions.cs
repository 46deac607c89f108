using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Endorse.Data;

/// <summary>
/// SQLite cannot order or compare DateTimeOffset and decimal columns natively. Store instants as UTC ticks
/// (sortable integers) and money as REAL-free text-free doubles so list sorting works on the server.
/// </summary>
internal static class SqliteConventions
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entityType in builder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
                if (type == typeof(DateTimeOffset))
                {
                    property.SetValueConverter(new DateTimeOffsetToBinaryConverter());
                }
                else if (type == typeof(decimal))
                {
                    property.SetValueConverter(typeof(DoubleConverter));
                }
            }
        }
    }

    private sealed class DoubleConverter() : ValueConverter<decimal, double>(v => (double)v, v => (decimal)v);
}
