package org.tally.claims;

/** What a claim states, and so how it is computed from the verified figures. */
public enum ClaimKind {

	/** A figure's value for a period: 600余亿元, 140个. */
	LEVEL,
	/**
	 * The difference between two periods, absolute or in percent: 较6月底增加97亿元, 同比增长20%.
	 */
	CHANGE,
	/** A rate or share in percent: 开工率62%, 占…的六成, 过半. */
	RATE,
	/** One figure per unit of another: 平均每个项目约4.3亿元. */
	AVERAGE,
	/** One figure as a multiple of another: 是…的5.5倍. */
	MULTIPLE

}
