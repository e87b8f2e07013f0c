package org.tally.operate.accounts;

/** A refused account change, naming the account and why (it exists, is configured, …). */
public class AccountException extends RuntimeException {

	private final String account;

	AccountException(String account, String reason) {
		super("account '" + account + "': " + reason);
		this.account = account;
	}

	public String account() {
		return account;
	}

}
