using AirisEpm.MetricsService.Domain;
using AirisEpm.MetricsService.Storage;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace AirisEpm.MetricsService.Ingest;

/// <summary>
/// Validates a JSON batch whole: every offending item is reported by index and field
/// (<c>metrics[3].labels.job</c>) so a client can fix them all at once. One pass, no per-item
/// validator objects: a 50,000-sample batch validates in milliseconds.
/// </summary>
public sealed class MetricsBatchValidator : AbstractValidator<MetricsBatchRequest>
{
    /// <summary>More failures than this are not listed; the client has enough to fix.</summary>
    private const int MaxReportedFailures = 100;

    public MetricsBatchValidator(IOptions<IngestOptions> ingest, IOptions<MetricStoreOptions> store, TimeProvider time)
    {
        var limits = ingest.Value;
        var retention = store.Value.RawRetention;
        RuleFor(r => r.Metrics)
            .Cascade(CascadeMode.Stop)
            .NotNull().WithName("metrics").OverridePropertyName("metrics")
            .Must(m => m!.Count > 0).WithMessage("The batch holds no samples.")
            .Must(m => m!.Count <= limits.MaxSamplesPerRequest)
            .WithMessage(r => $"The batch holds {r.Metrics!.Count} samples; the limit is {limits.MaxSamplesPerRequest}.")
            .DependentRules(() => RuleFor(r => r.Metrics).Custom((metrics, context) =>
            {
                var now = time.GetUtcNow().ToUnixTimeMilliseconds();
                var latest = now + (long)limits.MaxFutureSkew.TotalMilliseconds;
                var oldest = now - (long)retention.TotalMilliseconds;
                var failures = 0;
                void Fail(string field, string message)
                {
                    if (failures++ < MaxReportedFailures)
                    {
                        context.AddFailure(new ValidationFailure(field, message));
                    }
                }

                for (var i = 0; i < metrics!.Count; i++)
                {
                    ValidatePoint(metrics[i], $"metrics[{i}]", limits, oldest, latest, Fail);
                }
            }));
    }

    private static void ValidatePoint(MetricPoint? point, string path, IngestOptions limits, long oldest, long latest, Action<string, string> fail)
    {
        if (point is null)
        {
            fail(path, "A sample must be an object.");
            return;
        }

        if (!MetricNames.IsValidMetricName(point.Name))
        {
            fail($"{path}.name", "The name must match [a-zA-Z_:][a-zA-Z0-9_:]*.");
        }

        if (!point.Value.IsPresent || !point.Value.IsValid)
        {
            fail($"{path}.value", "The value must be a number or one of \"NaN\", \"+Inf\", \"-Inf\".");
        }

        // Left out, the timestamp is the time of receipt (as push APIs do), which needs no check.
        if (point.Timestamp.IsPresent)
        {
            ValidateTimestamp(point.Timestamp, path, limits, oldest, latest, fail);
        }

        if (point.Type is not null && !MetricTypes.TryParse(point.Type, out _))
        {
            fail($"{path}.type", "The type must be gauge, counter or histogram.");
        }

        ValidateLabels(point.Labels, path, limits, fail);
    }

    private static void ValidateTimestamp(FlexibleTimestamp timestamp, string path, IngestOptions limits, long oldest, long latest, Action<string, string> fail)
    {
        if (!timestamp.IsValid)
        {
            fail($"{path}.timestamp", "The timestamp must be epoch milliseconds or an RFC 3339 time, or left out for the time of receipt.");
        }
        else if (timestamp.Milliseconds > latest)
        {
            fail($"{path}.timestamp", $"The timestamp is more than {limits.MaxFutureSkew.TotalMinutes:0} minutes in the future.");
        }
        else if (timestamp.Milliseconds < oldest)
        {
            fail($"{path}.timestamp", "The timestamp is older than the raw retention.");
        }
    }

    private static void ValidateLabels(Dictionary<string, string>? labels, string path, IngestOptions limits, Action<string, string> fail)
    {
        if (labels is null)
        {
            return;
        }

        if (labels.Count > limits.MaxLabelsPerSeries)
        {
            fail($"{path}.labels", $"The series has {labels.Count} labels; the limit is {limits.MaxLabelsPerSeries}.");
            return;
        }

        foreach (var (name, value) in labels)
        {
            if (!MetricNames.IsValidLabelName(name) || MetricNames.IsReservedLabelName(name))
            {
                fail($"{path}.labels.{name}", "Label names must match [a-zA-Z_][a-zA-Z0-9_]* and must not start with __.");
            }
            else if (value is null)
            {
                fail($"{path}.labels.{name}", "A label value must be a string.");
            }
            else if (value.Length > limits.MaxLabelValueLength)
            {
                fail($"{path}.labels.{name}", $"The label value is {value.Length} characters; the limit is {limits.MaxLabelValueLength}.");
            }
        }
    }
}
