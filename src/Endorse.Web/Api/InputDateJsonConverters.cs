using System.Text.Json;
using System.Text.Json.Serialization;
using Endorse.Listing;

namespace Endorse.Web.Api;

/// <summary>Reads dates as usual and refuses one outside <see cref="InputDates"/> as a field error (nullable dates too).</summary>
public sealed class InputDateOnlyJsonConverter : JsonConverter<DateOnly>
{
    private static readonly JsonConverter<DateOnly> Default = (JsonConverter<DateOnly>)JsonSerializerOptions.Default.GetConverter(typeof(DateOnly));

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Default.Read(ref reader, typeToConvert, options);
        return InputDates.InRange(value) ? value : throw new InputTextException("The date " + InputDates.Refusal);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) => Default.Write(writer, value, options);
}

/// <summary>Reads instants as usual and refuses one outside <see cref="InputDates"/> as a field error (nullable ones too).</summary>
public sealed class InputDateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset>
{
    private static readonly JsonConverter<DateTimeOffset> Default = (JsonConverter<DateTimeOffset>)JsonSerializerOptions.Default.GetConverter(typeof(DateTimeOffset));

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Default.Read(ref reader, typeToConvert, options);
        return InputDates.InRange(value) ? value : throw new InputTextException("The date " + InputDates.Refusal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => Default.Write(writer, value, options);
}
