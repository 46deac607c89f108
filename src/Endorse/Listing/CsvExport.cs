using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;
using Endorse.Formatting;

namespace Endorse.Listing;

/// <summary>
/// Writes rows to CSV as they stream from the database, so a list of a million rows exports without filling memory.
/// Instants are written in ISO 8601 with the reader's offset ("2026-12-03T14:30:00+01:00", so a spreadsheet knows the
/// zone), dates year-first ("2026-12-03"), enum values in words ("Reference call"), whoever the reader is.
/// </summary>
public static class CsvExport
{
    public static Task WriteAsync<T>(Stream output, IAsyncEnumerable<T> rows, CancellationToken cancellationToken = default) =>
        WriteAsync(output, rows, PersonalFormat.Default, cancellationToken);

    public static async Task WriteAsync<T>(Stream output, IAsyncEnumerable<T> rows, PersonalFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(format);
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        var converters = csv.Context.TypeConverterCache;
        var instant = new InstantConverter(format);
        converters.AddConverter<DateTimeOffset>(instant);
        converters.AddConverter<DateTimeOffset?>(instant);
        converters.AddConverter<DateOnly>(new DayConverter());
        converters.AddConverter<DateOnly?>(new DayConverter());
        converters.AddConverterFactory(new EnumWordsFactory());
        csv.WriteHeader<T>();
        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            csv.WriteRecord(row);
            await csv.NextRecordAsync();
            if (++count % 5_000 == 0)
            {
                await writer.FlushAsync(cancellationToken);
            }
        }
    }

    private sealed class InstantConverter(PersonalFormat format) : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is DateTimeOffset instant ? format.Iso(instant) : string.Empty;
    }

    private sealed class DayConverter : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is DateOnly day ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
    }

    private sealed class EnumWordsConverter : DefaultTypeConverter
    {
        public override string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is Enum e ? Words.Capitalize(Words.Phrase(e.GetType(), e.ToString())) : string.Empty;
    }

    private sealed class EnumWordsFactory : ITypeConverterFactory
    {
        public bool CanCreate(Type type) => (Nullable.GetUnderlyingType(type) ?? type).IsEnum;

        public bool Create(Type type, TypeConverterCache cache, out ITypeConverter typeConverter)
        {
            typeConverter = new EnumWordsConverter();
            return true;
        }
    }
}
