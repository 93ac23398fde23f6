package dev.zhsearch.opensearch;

import dev.zhsearch.analysis.AnalysisData;
import dev.zhsearch.convert.Script;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.ConfigurationUtils;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.Processor;

/**
 * {@code zh_companies}: writes the ids of the companies named in {@code fields} (default title and
 * body) into {@code target_field} (default {@code companies}; map it as a keyword for the facet).
 * The same matcher as zhsearch's indexer: either script, Taiwan or mainland names, English names.
 */
final class ZhCompaniesProcessor extends AbstractProcessor {

    static final String TYPE = "zh_companies";

    private final List<String> fields;
    private final String targetField;
    private final Supplier<AnalysisData> data;

    ZhCompaniesProcessor(String tag, String description, List<String> fields, String targetField, Supplier<AnalysisData> data) {
        super(tag, description);
        this.fields = fields;
        this.targetField = targetField;
        this.data = data;
    }

    @Override
    public IngestDocument execute(IngestDocument document) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            if (document.hasField(field)) {
                Object value = document.getFieldValue(field, Object.class);
                if (value != null) {
                    text.append(value).append('\n');
                }
            }
        }
        AnalysisData d = data.get();
        Script script = d.scripts().detect(text.toString());
        document.setFieldValue(targetField, d.companies().companies(text.toString(), script));
        return document;
    }

    @Override
    public String getType() {
        return TYPE;
    }

    static final class Factory implements Processor.Factory {
        private final Supplier<AnalysisData> data;

        Factory(Supplier<AnalysisData> data) {
            this.data = data;
        }

        @Override
        public Processor create(Map<String, Processor.Factory> processors, String tag, String description, Map<String, Object> config) {
            List<String> fields = ConfigurationUtils.readOptionalList(TYPE, tag, config, "fields");
            String target = ConfigurationUtils.readStringProperty(TYPE, tag, config, "target_field", "companies");
            return new ZhCompaniesProcessor(tag, description, fields == null || fields.isEmpty() ? List.of("title", "body") : List.copyOf(fields), target, data);
        }
    }
}
