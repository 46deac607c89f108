namespace Endorse.Import;

/// <summary>
/// Counts the distinct values an import reads into Endorse's terms (industries, deal stages, account types) with how
/// each was read, for the import's report; a value's reading is worked out once, on its first row. At most
/// <see cref="MaxPerKind"/> distinct values of each kind are kept (a CRM's picklists hold far fewer).
/// </summary>
internal sealed class SeenValueTally
{
    public const int MaxPerKind = 1_000;

    private readonly Dictionary<(ImportValueKind Kind, string Column, string Key), ImportSeenValue> values = [];
    private readonly Dictionary<ImportValueKind, int> kept = [];

    /// <summary>Counts a row's value and returns its reading (worked out by <paramref name="read"/> on its first row).</summary>
    public (int? Reading, ImportReadingBasis Basis) Count(ImportValueKind kind, string column, string value, Func<string, (int? Reading, ImportReadingBasis Basis)> read)
    {
        var key = (kind, column, ImportValues.Key(value));
        if (values.TryGetValue(key, out var seen))
        {
            seen.Rows++;
            return (seen.Reading, seen.Basis);
        }

        var reading = read(value);
        if (kept.GetValueOrDefault(kind) < MaxPerKind)
        {
            kept[kind] = kept.GetValueOrDefault(kind) + 1;
            values[key] = new ImportSeenValue
            {
                Kind = kind,
                Column = column.Length > 100 ? column[..100] : column,
                Value = value.Length > 255 ? value[..255] : value,
                Rows = 1,
                Reading = reading.Reading,
                Basis = reading.Basis,
            };
        }

        return reading;
    }

    /// <summary>The tallied values, to be stored with the run.</summary>
    public IEnumerable<ImportSeenValue> For(int runId) => values.Values.Select(v =>
    {
        v.ImportRunId = runId;
        return v;
    });
}
