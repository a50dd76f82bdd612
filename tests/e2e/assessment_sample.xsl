<?xml version="1.0" encoding="UTF-8"?>
<!-- The raw values of the 2025 assessment recomputed from the records of
     data/ (all files in one <all> document), as README "Assessment" words
     the rule, without anjian's code: one line "UNIT KEY PART [WHOLE]" per
     district and indicator, then the whole area as UNIT "all".  Dates are
     compared as numbers (2025-12-31 → 20251231).  Used by
     tests/e2e/assessment_sample.sh. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
<xsl:output method="text" encoding="UTF-8"/>
<xsl:param name="A" select="20251231"/>

<xsl:key name="in-district" match="enterprise" use="@district"/>
<xsl:key name="inspection" match="inspection" use="@enterprise"/>
<xsl:key name="penalty" match="penalty" use="@enterprise"/>
<xsl:key name="accident" match="accident" use="@enterprise"/>
<xsl:key name="hazard" match="hazard" use="@enterprise"/>
<xsl:key name="training" match="training" use="@enterprise"/>
<xsl:key name="report" match="report" use="@enterprise"/>
<xsl:key name="blacklist" match="blacklist" use="@enterprise"/>
<xsl:key name="exposure" match="exposure" use="@enterprise"/>
<xsl:key name="baseline" match="baseline" use="@district"/>

<xsl:template match="/">
  <xsl:for-each select="//district">
    <xsl:call-template name="unit">
      <xsl:with-param name="code" select="string(@code)"/>
      <xsl:with-param name="ents" select="key('in-district', @code)"/>
      <xsl:with-param name="reports" select="key('report', key('in-district', @code)/@id)"/>
      <xsl:with-param name="problems" select="//problem[contains(@responsible, current()/@name)]"/>
      <xsl:with-param name="baselines" select="key('baseline', @code)"/>
      <xsl:with-param name="districts" select="1"/>
    </xsl:call-template>
  </xsl:for-each>
  <xsl:call-template name="unit">
    <xsl:with-param name="code" select="'all'"/>
    <xsl:with-param name="ents" select="//enterprise"/>
    <xsl:with-param name="reports" select="//report"/>
    <xsl:with-param name="problems" select="//problem"/>
    <xsl:with-param name="baselines" select="//baseline"/>
    <xsl:with-param name="districts" select="count(//district)"/>
  </xsl:call-template>
</xsl:template>

<!-- in force on A: from on or before, to (if any) on or after -->
<xsl:template name="line">
  <xsl:param name="code"/><xsl:param name="key"/><xsl:param name="part"/><xsl:param name="whole"/>
  <xsl:value-of select="concat($code, ' ', $key, ' ', $part)"/>
  <xsl:if test="string($whole) != ''"><xsl:value-of select="concat(' ', $whole)"/></xsl:if>
  <xsl:text>&#10;</xsl:text>
</xsl:template>

<xsl:template name="unit">
  <xsl:param name="code"/><xsl:param name="ents"/><xsl:param name="reports"/>
  <xsl:param name="problems"/><xsl:param name="baselines"/><xsl:param name="districts"/>
  <xsl:variable name="act" select="$ents[@status='active']"/>
  <xsl:variable name="needs-director" select="$act[((@industry='mining' or @industry='construction'
      or @industry='transport' or @industry='hazardous-chemicals' or @industry='metallurgy'
      or @industry='dust-explosion' or @industry='ammonia-refrigeration'
      or @industry='shipbuilding') and (@employees &gt;= 100 or @revenue &gt;= 2000))
      or (@industry='chemical' and @revenue &gt;= 2000)]"/>
  <xsl:variable name="needs-insurance" select="$act[@industry='mining' or @industry='construction'
      or @industry='transport' or @industry='hazardous-chemicals' or @industry='metallurgy'
      or @industry='chemical' or @industry='fireworks' or @industry='explosives'
      or @industry='fishery']"/>
  <xsl:variable name="trainings" select="key('training', $act/@id)[number(translate(@month, '-', '')) &gt;= 202501 and number(translate(@month, '-', '')) &lt;= 202512]"/>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'commitment'"/>
    <xsl:with-param name="part" select="count($act[commitment[@year='2025' and number(translate(@signed, '-', '')) &lt;= $A]])"/>
    <xsl:with-param name="whole" select="count($act)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'self-inspection'"/>
    <xsl:with-param name="part" select="count($act[self-inspection[@year='2025' and number(translate(@reported, '-', '')) &lt;= $A]])"/>
    <xsl:with-param name="whole" select="count($act)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'responsibility-list'"/>
    <xsl:with-param name="part" select="count($act[responsibility-list[number(translate(@published, '-', '')) &lt;= $A]])"/>
    <xsl:with-param name="whole" select="count($act)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'director'"/>
    <xsl:with-param name="part" select="count($needs-director[safety-director[number(translate(@from, '-', '')) &lt;= $A and (not(@to) or number(translate(@to, '-', '')) &gt;= $A)]])"/>
    <xsl:with-param name="whole" select="count($needs-director)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'standardized'"/>
    <xsl:with-param name="part" select="count($act[standardization[number(translate(@from, '-', '')) &lt;= $A and number(translate(@to, '-', '')) &gt;= $A and (not(@revoked) or number(translate(@revoked, '-', '')) &gt; $A)]])"/>
    <xsl:with-param name="whole" select="count($act)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'insurance'"/>
    <xsl:with-param name="part" select="count($needs-insurance[insurance[number(translate(@from, '-', '')) &lt;= $A and (not(@to) or number(translate(@to, '-', '')) &gt;= $A)]])"/>
    <xsl:with-param name="whole" select="count($needs-insurance)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'training'"/>
    <xsl:with-param name="part" select="sum($trainings/@trained)"/>
    <xsl:with-param name="whole" select="sum($trainings/@staff)"/>
  </xsl:call-template>
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'hazards-overdue'"/>
    <xsl:with-param name="part" select="count(key('hazard', $ents/@id)[@level='major' and number(translate(@found, '-', '')) &lt;= $A and (not(@rectified) or number(translate(@rectified, '-', '')) &gt; $A) and number(translate(@deadline, '-', '')) &lt; $A])"/>
  </xsl:call-template>
  <!-- received in 2025: replied by A after the deadline, or unreplied at A past it -->
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'reports-late'"/>
    <xsl:with-param name="part" select="count($reports[number(translate(@received, '-', '')) &gt;= 20250101 and number(translate(@received, '-', '')) &lt;= $A][(@replied and number(translate(@replied, '-', '')) &lt;= $A and number(translate(@replied, '-', '')) &gt; number(translate(@deadline, '-', ''))) or ((not(@replied) or number(translate(@replied, '-', '')) &gt; $A) and number(translate(@deadline, '-', '')) &lt; $A)])"/>
  </xsl:call-template>
  <!-- in progress at A (a done problem closed after A too), deadline before A -->
  <xsl:call-template name="line">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="key" select="'problems-overdue'"/>
    <xsl:with-param name="part" select="count($problems[number(translate(ancestor::problem-list/@issued, '-', '')) &lt;= $A][(@status='in-progress' or (@status='done' and number(translate(@closed, '-', '')) &gt; $A)) and number(translate(@deadline, '-', '')) &lt; $A])"/>
  </xsl:call-template>
  <xsl:call-template name="months">
    <xsl:with-param name="code" select="$code"/><xsl:with-param name="ents" select="$ents"/>
    <xsl:with-param name="baselines" select="$baselines"/>
    <xsl:with-param name="districts" select="$districts"/>
  </xsl:call-template>
</xsl:template>

<!-- Month k of 2025 (F its first day, L its last): the exposed list of k as
     of L, and 两增两降 of the YTD to L against the prior YTD, which comes
     from the 2024 baselines (no record is dated in 2024). -->
<xsl:template name="months">
  <xsl:param name="code"/><xsl:param name="ents"/><xsl:param name="baselines"/>
  <xsl:param name="districts"/>
  <xsl:param name="k" select="1"/><xsl:param name="exposures" select="0"/>
  <xsl:param name="met" select="0"/>
  <xsl:choose>
    <xsl:when test="$k &gt; 12">
      <xsl:value-of select="concat($code, ' exposures ', $exposures, '&#10;')"/>
      <xsl:value-of select="concat($code, ' target-months ', $met, ' 12&#10;')"/>
    </xsl:when>
    <xsl:otherwise>
      <xsl:variable name="F" select="20250001 + 100 * $k"/>
      <xsl:variable name="L" select="20250000 + 100 * $k + number(substring('312831303130313130313031', 2 * $k - 1, 2))"/>
      <xsl:variable name="exposed" select="count($ents[
          key('hazard', @id)[@level='major' and number(translate(@found, '-', '')) &lt;= $L and (not(@rectified) or number(translate(@rectified, '-', '')) &gt; $L) and number(translate(@deadline, '-', '')) &lt; $L]
          or key('penalty', @id)[number(translate(@date, '-', '')) &gt;= $F and number(translate(@date, '-', '')) &lt;= $L and (@suspension='true' or @serious='true')]
          or key('accident', @id)[number(translate(@date, '-', '')) &gt;= $F and number(translate(@date, '-', '')) &lt;= $L and @deaths &gt;= 1]
          or key('blacklist', @id)[number(translate(@from, '-', '')) &gt;= $F and number(translate(@from, '-', '')) &lt;= $L]
          or key('exposure', @id)[number(translate(@month, '-', '')) = floor($F div 100)]])"/>
      <xsl:variable name="ids" select="$ents/@id"/>
      <xsl:variable name="insp" select="count(key('inspection', $ids)[number(translate(@date, '-', '')) &gt;= 20250101 and number(translate(@date, '-', '')) &lt;= $L])"/>
      <xsl:variable name="pen" select="count(key('penalty', $ids)[number(translate(@date, '-', '')) &gt;= 20250101 and number(translate(@date, '-', '')) &lt;= $L])"/>
      <xsl:variable name="acc" select="key('accident', $ids)[number(translate(@date, '-', '')) &gt;= 20250101 and number(translate(@date, '-', '')) &lt;= $L]"/>
      <xsl:variable name="prior" select="$baselines[number(translate(@month, '-', '')) &gt;= 202401 and number(translate(@month, '-', '')) &lt;= 202400 + $k]"/>
      <xsl:variable name="ok" select="count($prior) = $k * $districts
          and $insp &gt; sum($prior/@inspections) and $pen &gt; sum($prior/@penalties)
          and (count($acc) &lt; sum($prior/@accidents) or (count($acc) = 0 and sum($prior/@accidents) = 0))
          and (sum($acc/@deaths) &lt; sum($prior/@deaths) or (sum($acc/@deaths) = 0 and sum($prior/@deaths) = 0))"/>
      <xsl:call-template name="months">
        <xsl:with-param name="code" select="$code"/><xsl:with-param name="ents" select="$ents"/>
        <xsl:with-param name="baselines" select="$baselines"/>
        <xsl:with-param name="districts" select="$districts"/>
        <xsl:with-param name="k" select="$k + 1"/>
        <xsl:with-param name="exposures" select="$exposures + $exposed"/>
        <xsl:with-param name="met" select="$met + number($ok)"/>
      </xsl:call-template>
    </xsl:otherwise>
  </xsl:choose>
</xsl:template>

</xsl:stylesheet>
