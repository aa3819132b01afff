using System.Text.Json.Serialization;
using Q7x2.Api.Features.Agreements;
using Q7x2.Api.Features.BorderCrossings;
using Q7x2.Api.Features.Common;
using Q7x2.Api.Features.Countries;
using Q7x2.Api.Features.Curation;
using Q7x2.Api.Features.Entities;
using Q7x2.Api.Features.Events;
using Q7x2.Api.Features.Observations;
using Q7x2.Api.Features.Organizations;
using Q7x2.Api.Features.People;
using Q7x2.Api.Features.Places;
using Q7x2.Api.Features.Predicates;
using Q7x2.Api.Features.Search;
using Q7x2.Api.Features.Sources;
using Q7x2.Api.Features.Timeline;
using Q7x2.Api.Features.TradeFigures;

namespace Q7x2.Api.Infrastructure;

/// <summary>
/// Serialization code generated at build time for the read responses, first in the HTTP JSON options' resolver chain (no
/// reflection-built metadata per type). The options themselves (web naming, strict numbers) still come from the host.
/// </summary>
[JsonSerializable(typeof(EntityResponse))]
[JsonSerializable(typeof(Page<EntityResponse>))]
[JsonSerializable(typeof(GraphResponse))]
[JsonSerializable(typeof(JgfDocument))]
[JsonSerializable(typeof(PersonResponse))]
[JsonSerializable(typeof(Page<PersonResponse>))]
[JsonSerializable(typeof(CountryResponse))]
[JsonSerializable(typeof(Page<CountryResponse>))]
[JsonSerializable(typeof(PlaceResponse))]
[JsonSerializable(typeof(Page<PlaceResponse>))]
[JsonSerializable(typeof(OrganizationResponse))]
[JsonSerializable(typeof(Page<OrganizationResponse>))]
[JsonSerializable(typeof(EventResponse))]
[JsonSerializable(typeof(Page<EventResponse>))]
[JsonSerializable(typeof(AgreementResponse))]
[JsonSerializable(typeof(Page<AgreementResponse>))]
[JsonSerializable(typeof(BorderCrossingResponse))]
[JsonSerializable(typeof(Page<BorderCrossingResponse>))]
[JsonSerializable(typeof(FactResponse))]
[JsonSerializable(typeof(Page<FactResponse>))]
[JsonSerializable(typeof(ObservationResponse))]
[JsonSerializable(typeof(Page<ObservationResponse>))]
[JsonSerializable(typeof(TradeFigureResponse))]
[JsonSerializable(typeof(Page<TradeFigureResponse>))]
[JsonSerializable(typeof(PredicateResponse))]
[JsonSerializable(typeof(Page<PredicateResponse>))]
[JsonSerializable(typeof(SourceDetail))]
[JsonSerializable(typeof(Page<SourceSummary>))]
[JsonSerializable(typeof(Page<SourceEvidenceResponse>))]
[JsonSerializable(typeof(AnnotationCollection))]
[JsonSerializable(typeof(AnnotationPageDocument))]
[JsonSerializable(typeof(Page<TimelineItem>))]
[JsonSerializable(typeof(Page<SearchHitResponse>))]
[JsonSerializable(typeof(SuggestionList))]
[JsonSerializable(typeof(Page<RevisionResponse>))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
