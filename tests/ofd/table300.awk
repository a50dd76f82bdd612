# A 300-row table of 12 columns: too wide for the upright text block, so
# set on turned (landscape) pages over 14 pages.  For the OFD checks.
BEGIN {
	print "---\ntitle: 重点企业安全生产检查情况汇总表\nissuer: 安全生产委员会办公室\ndate: 2026-04-05\n---\n"
	printf "| 序号 | 企业名称 | 所在地区 | 行业领域 | 检查日期 | 检查人员 | 发现隐患 | 重大隐患 | 已整改 | 整改率 | 处罚金额（万元） | 备注 |\n"
	printf "|---|---|---|---|---|---|---|---|---|---|---|---|\n"
	for (i = 1; i <= 300; i++)
		printf "| %d | 第%d号化工有限公司 | 第%d区 | 危险化学品 | 2026-03-%02d | 张三、李四 | %d | %d | %d | %d%% | %d.%d | 复查 |\n",
			i, i, i % 10 + 1, i % 28 + 1, i % 17, i % 3, i % 13, (i * 7) % 100, i % 50, i % 10
}
