using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Linli.Web.Data;

public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
