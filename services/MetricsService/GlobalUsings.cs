// One label type for the whole service and PromQL (PromQl's Model): a stored series' labels are a LabelSet without
// __name__, the name kept beside them (Domain/SeriesIdentity).
global using Label = AirisEpm.PromQl.Model.Label;
global using LabelSet = AirisEpm.PromQl.Model.LabelSet;
