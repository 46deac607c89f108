using System.Globalization;
using CsvHelper;

namespace Endorse.Listing;

/// <summary>Writes rows to CSV as they stream from the database, so a list of a million rows exports without filling memory.</summary>
public static class CsvExport
{
    public static async Task WriteAsync<T>(Stream output, IAsyncEnumerable<T> rows, CancellationToken cancellationToken = default)
    {
        await using var writer = new StreamWriter(output, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
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
}
