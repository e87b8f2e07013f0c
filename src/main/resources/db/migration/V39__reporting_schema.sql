-- The reporting warehouse for analysts and BI tools (docs/reporting.md): a schema of views, the only
-- thing reader roles (`tally readers add`) may see. The views run with the rights of their owner
-- (Tally's role), so readers need no grant on registry, warehouse or publish. The per-dataset views
-- (reporting.<dataset>) follow config/datasets and are created at run start beside the dataset
-- tables; the dimensions' rows come from config (config/reporting.yml, config/sources) at the same
-- moment, into the registry tables below.
CREATE SCHEMA reporting;
COMMENT ON SCHEMA reporting IS '报表库：供分析人员与BI工具查询的视图（只读）';

CREATE TABLE registry.reporting_period (
    period   date    PRIMARY KEY,
    year     integer NOT NULL,
    half     text    NOT NULL,
    quarter  integer NOT NULL,
    label    text    NOT NULL
);

CREATE TABLE registry.reporting_county (
    code        text    PRIMARY KEY,
    name        text    NOT NULL UNIQUE,
    city_code   text    NOT NULL,
    city        text    NOT NULL,
    sort_order  integer NOT NULL
);

CREATE TABLE registry.reporting_department (
    code        text    PRIMARY KEY,
    name        text    NOT NULL,
    datasets    text    NOT NULL,
    sources     text    NOT NULL,
    sort_order  integer NOT NULL
);

-- Periods declared in config, and any period a load carries that config does not declare (so that
-- every dataset row finds its period): year and quarter computed, the date as label.
CREATE VIEW reporting.period WITH (security_barrier) AS
SELECT p.period, p.year, p.half, p.quarter, p.label FROM registry.reporting_period p
UNION ALL
SELECT d.period, CAST(extract(year FROM d.period) AS integer),
       CASE WHEN extract(month FROM d.period) <= 6 THEN '上半年' ELSE '全年' END,
       CAST(extract(quarter FROM d.period) AS integer), to_char(d.period, 'YYYY-MM-DD')
FROM (SELECT DISTINCT l.period FROM registry.load l
      WHERE l.period IS NOT NULL AND NOT EXISTS (SELECT 1 FROM registry.reporting_period p WHERE p.period = l.period)) d;
COMMENT ON VIEW reporting.period IS '报告期维度';
COMMENT ON COLUMN reporting.period.period IS '报告期（截止日期）';
COMMENT ON COLUMN reporting.period.year IS '年度';
COMMENT ON COLUMN reporting.period.half IS '半年度（上半年/全年）';
COMMENT ON COLUMN reporting.period.quarter IS '季度';
COMMENT ON COLUMN reporting.period.label IS '报告期名称';

CREATE VIEW reporting.county WITH (security_barrier) AS
SELECT c.code, c.name, c.city_code, c.city, c.sort_order FROM registry.reporting_county c;
COMMENT ON VIEW reporting.county IS '县区维度（GB/T 2260 行政区划代码）';
COMMENT ON COLUMN reporting.county.code IS '行政区划代码';
COMMENT ON COLUMN reporting.county.name IS '县区名称';
COMMENT ON COLUMN reporting.county.city_code IS '所属地市代码';
COMMENT ON COLUMN reporting.county.city IS '所属地市';
COMMENT ON COLUMN reporting.county.sort_order IS '排序';

CREATE VIEW reporting.department WITH (security_barrier) AS
SELECT d.code, d.name, d.datasets, d.sources, d.sort_order FROM registry.reporting_department d;
COMMENT ON VIEW reporting.department IS '报送部门维度';
COMMENT ON COLUMN reporting.department.code IS '部门代码';
COMMENT ON COLUMN reporting.department.name IS '部门名称';
COMMENT ON COLUMN reporting.department.datasets IS '报送的数据集';
COMMENT ON COLUMN reporting.department.sources IS '数据来源';
COMMENT ON COLUMN reporting.department.sort_order IS '排序';

-- What was received from whom and when, and what became of it. Server paths stay out.
CREATE VIEW reporting.files WITH (security_barrier) AS
SELECT l.id AS load_id, l.run_id, l.department, l.source_id, l.dataset, l.file_name, l.sha256, l.size_bytes,
       l.status, l.reason, l.period, l.sheet, l.rows_read, l.rows_loaded, l.rows_rejected, l.is_current,
       l.seen_at AS received_at, l.loaded_at
FROM registry.load l;
COMMENT ON VIEW reporting.files IS '收到的文件及处理结果';
COMMENT ON COLUMN reporting.files.load_id IS '入库批次号';
COMMENT ON COLUMN reporting.files.run_id IS '运行编号';
COMMENT ON COLUMN reporting.files.department IS '报送部门代码';
COMMENT ON COLUMN reporting.files.source_id IS '数据来源';
COMMENT ON COLUMN reporting.files.dataset IS '数据集';
COMMENT ON COLUMN reporting.files.file_name IS '文件名';
COMMENT ON COLUMN reporting.files.sha256 IS '文件摘要（SHA-256）';
COMMENT ON COLUMN reporting.files.size_bytes IS '文件大小（字节）';
COMMENT ON COLUMN reporting.files.status IS '处理结果';
COMMENT ON COLUMN reporting.files.reason IS '原因';
COMMENT ON COLUMN reporting.files.period IS '报告期';
COMMENT ON COLUMN reporting.files.sheet IS '工作表';
COMMENT ON COLUMN reporting.files.rows_read IS '读取行数';
COMMENT ON COLUMN reporting.files.rows_loaded IS '入库行数';
COMMENT ON COLUMN reporting.files.rows_rejected IS '退回行数';
COMMENT ON COLUMN reporting.files.is_current IS '是否为当前版本';
COMMENT ON COLUMN reporting.files.received_at IS '收到时间';
COMMENT ON COLUMN reporting.files.loaded_at IS '入库时间';

-- Every figure version with its status and reasons (text, for tools that cannot read JSON).
CREATE VIEW reporting.figure_history WITH (security_barrier) AS
SELECT v.as_of AS period, v.figure_id, v.label, v.label_en, v.version, v.status, v.value, v.unit, v.display,
       v.phrase, v.phrase_en,
       (SELECT string_agg(r.reason, '；') FROM jsonb_array_elements_text(v.reasons) AS r (reason)) AS reasons,
       v.run_id, v.created_at AS published_at
FROM publish.figure_version v;
COMMENT ON VIEW reporting.figure_history IS '指标各版本（含未核验版本）';
COMMENT ON COLUMN reporting.figure_history.period IS '报告期';
COMMENT ON COLUMN reporting.figure_history.figure_id IS '指标代码';
COMMENT ON COLUMN reporting.figure_history.label IS '指标名称';
COMMENT ON COLUMN reporting.figure_history.label_en IS '指标英文名称';
COMMENT ON COLUMN reporting.figure_history.version IS '版本号';
COMMENT ON COLUMN reporting.figure_history.status IS '核验状态（verified 已核验 / unverified 未核验）';
COMMENT ON COLUMN reporting.figure_history.value IS '数值（元或个数）';
COMMENT ON COLUMN reporting.figure_history.unit IS '单位（CNY 元 / COUNT 个数）';
COMMENT ON COLUMN reporting.figure_history.display IS '精确表述';
COMMENT ON COLUMN reporting.figure_history.phrase IS '新闻表述';
COMMENT ON COLUMN reporting.figure_history.phrase_en IS '英文新闻表述';
COMMENT ON COLUMN reporting.figure_history.reasons IS '未核验原因';
COMMENT ON COLUMN reporting.figure_history.run_id IS '运行编号';
COMMENT ON COLUMN reporting.figure_history.published_at IS '发布时间';

-- The latest verified version of every figure per period: what the press may quote.
CREATE VIEW reporting.figures WITH (security_barrier) AS
SELECT DISTINCT ON (v.figure_id, v.as_of)
       v.as_of AS period, v.figure_id, v.label, v.label_en, v.value, v.unit, v.display, v.phrase, v.phrase_en,
       v.version, v.run_id, v.created_at AS published_at
FROM publish.figure_version v
WHERE v.status = 'verified'
ORDER BY v.figure_id, v.as_of, v.id DESC;
COMMENT ON VIEW reporting.figures IS '已核验指标（每个报告期的最新核验版本）';
COMMENT ON COLUMN reporting.figures.period IS '报告期';
COMMENT ON COLUMN reporting.figures.figure_id IS '指标代码';
COMMENT ON COLUMN reporting.figures.label IS '指标名称';
COMMENT ON COLUMN reporting.figures.label_en IS '指标英文名称';
COMMENT ON COLUMN reporting.figures.value IS '数值（元或个数）';
COMMENT ON COLUMN reporting.figures.unit IS '单位（CNY 元 / COUNT 个数）';
COMMENT ON COLUMN reporting.figures.display IS '精确表述';
COMMENT ON COLUMN reporting.figures.phrase IS '新闻表述';
COMMENT ON COLUMN reporting.figures.phrase_en IS '英文新闻表述';
COMMENT ON COLUMN reporting.figures.version IS '版本号';
COMMENT ON COLUMN reporting.figures.run_id IS '运行编号';
COMMENT ON COLUMN reporting.figures.published_at IS '发布时间';

-- Each check's latest result per period, with the cells that offend it as "file sheet!cell".
CREATE VIEW reporting.checks WITH (security_barrier) AS
SELECT DISTINCT ON (r.as_of, r.check_id)
       r.as_of AS period, r.check_id, r.check_type, r.severity, r.passed, r.expected, r.actual, r.difference,
       r.message, jsonb_array_length(r.evidence) AS evidence_count,
       (SELECT string_agg(concat_ws(' ', e ->> 'file', concat_ws('!', e ->> 'sheet', e ->> 'cell')), '；')
        FROM jsonb_array_elements(r.evidence) AS e) AS evidence_cells,
       r.run_id, r.checked_at
FROM recon.check_result r
ORDER BY r.as_of, r.check_id, r.id DESC;
COMMENT ON VIEW reporting.checks IS '核对结果（每个报告期各项核对的最新结果）';
COMMENT ON COLUMN reporting.checks.period IS '报告期';
COMMENT ON COLUMN reporting.checks.check_id IS '核对项代码';
COMMENT ON COLUMN reporting.checks.check_type IS '核对类型';
COMMENT ON COLUMN reporting.checks.severity IS '严重程度（fail 阻断 / warn 提示）';
COMMENT ON COLUMN reporting.checks.passed IS '是否通过';
COMMENT ON COLUMN reporting.checks.expected IS '应为';
COMMENT ON COLUMN reporting.checks.actual IS '实为';
COMMENT ON COLUMN reporting.checks.difference IS '差额';
COMMENT ON COLUMN reporting.checks.message IS '说明';
COMMENT ON COLUMN reporting.checks.evidence_count IS '问题单元格数';
COMMENT ON COLUMN reporting.checks.evidence_cells IS '问题单元格（文件 工作表!单元格）';
COMMENT ON COLUMN reporting.checks.run_id IS '运行编号';
COMMENT ON COLUMN reporting.checks.checked_at IS '核对时间';
