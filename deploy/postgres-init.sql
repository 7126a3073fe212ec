-- One database per service: no service reads another's tables.
create database intake;
create database session;
create database notification;
